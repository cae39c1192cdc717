export function InspectionsPage() {
  return null;
}
