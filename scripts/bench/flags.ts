// Command-line flags of the benchmark scripts: `--name value` or `--name=value`, `--switch` for booleans.
// A flag that is not known, or a number that is not a whole number of at least 1, stops with a message.

export type FlagSpec = Record<string, "number" | "string" | "boolean">;
export type FlagValues<S extends FlagSpec> = {
  [K in keyof S]?: S[K] extends "number" ? number : S[K] extends "boolean" ? boolean : string;
};

export function parseFlags<S extends FlagSpec>(argv: readonly string[], spec: S): FlagValues<S> {
  const values: Record<string, number | string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !(match[1] in spec)) {
      throw new Error(
        `Unknown argument "${argv[i]}". Known flags: ${Object.keys(spec)
          .map((k) => `--${k}`)
          .join(", ")}.`,
      );
    }
    const [, name, inline] = match;
    const kind = spec[name];
    if (kind === "boolean") {
      values[name] = inline === undefined ? true : inline !== "false";
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new Error(`--${name} needs a value.`);
    if (kind === "number") {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number (got "${raw}").`);
      values[name] = value;
    } else {
      values[name] = raw;
    }
  }
  return values as FlagValues<S>;
}
