/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" in `VITE_FAKE_IPC=1 npm run dev`: answer IPC from lib/ipc.fake.ts (dev preview only). */
  readonly VITE_FAKE_IPC?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module 'virtual:gatehouse-fake-ipc' {
  /** The dev-only fake core, or `null` (always in builds and tests). */
  export const fakeInvoke: ((command: string, args?: unknown) => Promise<unknown>) | null;
}
