/**
 * The organisation tree of a province (cây đơn vị): the province, its
 * communes and wards, and the districts abolished on 01/7/2025 (kind
 * "district", kept for history) with the communes that were under them.
 * Pure: no I/O.
 */

export type OrgKind = "province" | "commune" | "district";

export interface OrgNodeInput { id: string; parentId: string | null; kind: OrgKind; name: string; code: string; accounts: number }

export interface OrgNode extends OrgNodeInput {
  /** A district: the level ended with the reorganisation of 01/7/2025. */
  legacy: boolean;
  children: OrgNode[];
}

/** Lowercase ASCII letters and digits in words joined by single dashes: "xa-tinh-khe". */
export const ORG_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isOrgCode = (code: string) => code.length <= 60 && ORG_CODE_PATTERN.test(code);

const byName = (a: OrgNode, b: OrgNode) => a.name.localeCompare(b.name, "vi");

/**
 * The tree under `rootId`, children sorted: the current communes first, then
 * the legacy districts; each level by name. Rows not under the root are left out.
 */
export function buildOrgTree(rows: OrgNodeInput[], rootId: string): OrgNode | null {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, legacy: r.kind === "district", children: [] as OrgNode[] }]));
  for (const node of nodes.values()) {
    if (node.id !== rootId && node.parentId) nodes.get(node.parentId)?.children.push(node);
  }
  const sort = (node: OrgNode) => {
    node.children.sort((a, b) => Number(a.legacy) - Number(b.legacy) || byName(a, b));
    node.children.forEach(sort);
  };
  const root = nodes.get(rootId) ?? null;
  if (root) sort(root);
  return root;
}

/**
 * Where a new commune or district may hang: the province itself, or (for a
 * commune) one of its legacy districts. Returns the Vietnamese refusal, or null.
 */
export function parentProblem(kind: "commune" | "district", parent: { id: string; kind: OrgKind; parentId: string | null } | null, provinceId: string): string | null {
  if (!parent) return "Đơn vị cấp trên không có trong tỉnh này.";
  if (parent.id === provinceId) return null;
  if (parent.kind === "district" && parent.parentId === provinceId) {
    return kind === "commune" ? null : "Huyện chỉ đặt trực tiếp dưới tỉnh.";
  }
  return "Đơn vị cấp trên phải là tỉnh hoặc một huyện cũ của tỉnh.";
}
