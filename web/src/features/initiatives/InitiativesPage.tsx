export function InitiativesPage() {
  return null;
}
