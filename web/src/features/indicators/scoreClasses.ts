// How each class of the 766 total looks (reference §6): colour, icon and the word.
import type { IconName } from '../../components/Icon';

export interface ClassBand {
  name: string;
  min: number;
  color: string;
  hex: string;
  icon: IconName;
}

const LOOKS: Array<Pick<ClassBand, 'color' | 'hex' | 'icon'>> = [
  { color: 'green', hex: '#2f9e44', icon: 'check' },
  { color: 'teal', hex: '#0c8599', icon: 'check' },
  { color: 'blue', hex: '#1c7ed6', icon: 'progress' },
  { color: 'orange', hex: '#f08c00', icon: 'hourglass' },
  { color: 'red', hex: '#e03131', icon: 'alert' },
];

/** The bands of the settings (highest first), each with its look. */
export function classBands(classes: { name: string; min: number }[]): ClassBand[] {
  return [...classes].sort((a, b) => b.min - a.min).map((c, i) => ({ ...c, ...LOOKS[Math.min(i, LOOKS.length - 1)]! }));
}

export function classOf(total: number, bands: ClassBand[]): ClassBand {
  return bands.find((b) => b.min <= total) ?? bands[bands.length - 1]!;
}
