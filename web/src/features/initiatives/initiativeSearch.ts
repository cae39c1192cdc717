// What the initiatives page keeps in the address: the year, and the initiative whose detail is open.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface InitiativesSearch {
  year?: number;
  initiative?: string;
}

export function parseInitiativesSearch(search: Record<string, unknown>): InitiativesSearch {
  const year = Number(search.year);
  return {
    year: Number.isInteger(year) && year > 2000 && year < 2100 ? year : undefined,
    initiative: typeof search.initiative === 'string' && UUID.test(search.initiative) ? search.initiative : undefined,
  };
}
