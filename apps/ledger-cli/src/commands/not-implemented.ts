/** Exit code of a command whose issue has not landed yet. */
export const NOT_IMPLEMENTED = 2;

export function notImplementedYet(name: string) {
  return () => {
    console.error(`${name}: not implemented yet`);
    process.exitCode = NOT_IMPLEMENTED;
  };
}
