/** The CSP nonce of this response (app/security.server.ts), for the scripts Remix writes inline. */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
