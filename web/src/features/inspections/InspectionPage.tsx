export function InspectionPage() {
  return null;
}
