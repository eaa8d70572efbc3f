/**
 * Reading a posted form: a body that does not parse, a NUL byte (PostgreSQL cannot store it in text)
 * or a value longer than any field of the portal is bad input — a 400 with a plain message in both
 * languages, before anything reads the values — never a 500 from deep inside.
 */
/** The longest string any form needs (a signed submission with its certificate chain is a few KiB). */
export const MAX_FORM_VALUE = 64 * 1024;

export const badRequest = (ru: string, kk: string) =>
  new Response(`${ru}\n${kk}`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Is this string unfit for storage or display: a NUL byte, or longer than `max`? */
export function badValue(value: string, max = MAX_FORM_VALUE): "nul" | "long" | null {
  if (value.includes("\u0000")) return "nul";
  if (value.length > max) return "long";
  return null;
}

export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw badRequest("Не удалось прочитать отправленную форму. Обновите страницу и попробуйте снова.", "Жіберілген форманы оқу мүмкін болмады. Бетті жаңартып, қайталап көріңіз.");
  }
  for (const [, value] of form) {
    if (typeof value !== "string") continue;
    const bad = badValue(value);
    if (bad === "nul") throw badRequest("В форме недопустимый символ (NUL). Исправьте ввод и отправьте снова.", "Формада рұқсат етілмеген таңба (NUL) бар. Енгізуді түзетіп, қайта жіберіңіз.");
    if (bad === "long") throw badRequest("Одно из полей формы слишком длинное.", "Форма өрістерінің бірі тым ұзын.");
  }
  return form;
}
