// Requirement-set versions compare number by number: "1.9" comes before "1.20".
export function versionAtMost(want: string, have: string): boolean {
  const [a1, a2 = 0] = want.split(".").map(Number);
  const [b1, b2 = 0] = have.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}
