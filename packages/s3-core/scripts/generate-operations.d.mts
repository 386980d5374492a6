/** Every generated file, by path relative to the package, with its content. */
export function generateFiles(): Map<string, string>;
/** The generated files whose committed content differs from the generator's output. */
export function staleFiles(): string[];
