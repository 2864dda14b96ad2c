export declare const WEB_ROOT: string;
export declare const REPO_ROOT: string;
export declare const WEB_DIST: string;
export declare const API_MAIN: string;
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function freePort(): Promise<number>;
export declare function startProduct(options?: {
  log?: (msg: string) => void;
  env?: Record<string, string>;
  beforeStart?: (env: Record<string, string>) => Promise<void>;
}): Promise<{ baseURL: string; logFile: string; databaseUrl: string; stop: () => Promise<void> }>;
export declare function runApiCli(name: string, args: string[], env: Record<string, string>): Promise<string>;
