/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" in `VITE_FAKE_IPC=1 npm run dev`: answer IPC from lib/ipc.fake.ts (dev preview only). */
  readonly VITE_FAKE_IPC?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
