/// <reference types="vite/client" />
declare const __INTLIFY_JIT_COMPILATION__: boolean;
