import { encode } from "uqr";

/**
 * A QR code as inline SVG (one path, crisp in print, no JavaScript needed): used on printed notices so
 * whoever holds the paper can open /verify with its number and code filled in.
 */
export function QrCode({ value, label, size = 160 }: { value: string; label: string; size?: number }) {
  const { data, size: modules } = encode(value, { ecc: "M", border: 2 });
  let d = "";
  data.forEach((row, y) => row.forEach((dark, x) => (dark ? (d += `M${x} ${y}h1v1h-1z`) : undefined)));
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${modules} ${modules}`} shapeRendering="crispEdges" className="qr">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
