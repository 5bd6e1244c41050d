import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { run } from "./exec";

export const MIN_GO_MINOR = 22;

export interface GoToolchain {
  go: string;
  gofmt: string;
  version: string;
  minor: number;
}

/** Thrown when no usable Go toolchain is found; the CLI maps it to exit code 2. */
export class GoToolchainError extends Error {
  override readonly name = "GoToolchainError";
}

/** Where to look for the toolchain; tests pass their own to simulate a machine without Go. */
export interface ToolchainSearch {
  path?: string;
  goroot?: string;
  fallbackDirs?: readonly string[];
}

function candidates(binary: string, search: ToolchainSearch = {}): string[] {
  const path = search.path ?? process.env["PATH"] ?? "";
  const goroot = search.goroot ?? process.env["GOROOT"];
  const fallbacks = search.fallbackDirs ?? ["/usr/local/go/bin"];
  return [
    ...path
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, binary)),
    ...(goroot ? [join(goroot, "bin", binary)] : []),
    ...fallbacks.map((dir) => join(dir, binary)),
  ];
}

export function findBinary(
  binary: string,
  search?: ToolchainSearch,
): string | undefined {
  return candidates(binary, search).find((candidate) => existsSync(candidate));
}

/**
 * The environment for every go command: the caller's, minus `-mod=mod` (the committed go.mod and
 * go.sum are the truth and must never be rewritten), and no automatic toolchain download.
 */
export function goEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const goflags = (env["GOFLAGS"] ?? "")
    .split(/\s+/)
    .filter((flag) => flag !== "" && flag !== "-mod=mod")
    .join(" ");
  if (goflags === "") delete env["GOFLAGS"];
  else env["GOFLAGS"] = goflags;
  env["GOTOOLCHAIN"] ??= "local";
  return { ...env, ...extra };
}

export function parseGoVersion(
  text: string,
): { version: string; minor: number } | undefined {
  const match = /go(1)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return { version: match[0], minor: Number(match[2]) };
}

let cached: Promise<GoToolchain> | undefined;

/** Finds `go` on PATH, under GOROOT or /usr/local/go, and requires Go >= 1.22. */
export function findGo(search?: ToolchainSearch): Promise<GoToolchain> {
  if (search) return locateGo(search);
  cached ??= locateGo({});
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

async function locateGo(search: ToolchainSearch): Promise<GoToolchain> {
  const go = findBinary("go", search);
  if (!go) {
    throw new GoToolchainError(
      `no Go toolchain found (looked on PATH, in $GOROOT/bin and /usr/local/go/bin); install Go >= 1.${MIN_GO_MINOR} to verify the bank`,
    );
  }
  const result = await run(go, ["env", "GOVERSION"], {
    env: goEnv(),
    timeoutMs: 30_000,
  });
  const parsed = parseGoVersion(result.stdout);
  if (!parsed) {
    throw new GoToolchainError(
      `could not read the version of ${go}: ${(result.stderr || result.spawnError || "").trim()}`,
    );
  }
  if (parsed.minor < MIN_GO_MINOR) {
    throw new GoToolchainError(
      `${go} is ${parsed.version}; the bank needs Go >= 1.${MIN_GO_MINOR}`,
    );
  }
  const gofmt = findBinary("gofmt", search) ?? join(go, "..", "gofmt");
  return { go, gofmt, ...parsed };
}
