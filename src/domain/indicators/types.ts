import type { IsoDate } from "../dates.js";

/** Record types of shared/contracts/dossiers.md (dates are calendar dates, Asia/Ho_Chi_Minh). */
export type Channel = 1 | 2 | 3;
export type DossierStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
export type TimeUnit = "gio" | "ngay" | "ngay-lam-viec" | "thang";
export type Rating = "rat-hai-long" | "hai-long" | "khong-hai-long";

export interface Dossier {
  code: string;
  procedureCode: string;
  procedureName: string | null;
  fieldCode: string | null;
  fieldName: string | null;
  unit: string | null;
  channel: Channel;
  /** MucDo: 4 toàn trình, 3 một phần, 2 không; null = not fully online. */
  level: number | null;
  applicantType: number | null;
  status: DossierStatus;
  submitted: IsoDate | null;
  accepted: IsoDate | null;
  due: IsoDate | null;
  timeLimit: number | null;
  timeUnit: TimeUnit | null;
  ended: IsoDate | null;
  returned: IsoDate | null;
  refused: IsoDate | null;
  supplementCount: number;
  supplementRequested: IsoDate | null;
  supplementReturned: IsoDate | null;
  apology: IsoDate | null;
  newDue: IsoDate | null;
  fee: number;
  /** 1 via Cổng DVCQG, 2 via a ministry/province gateway, 0 not paid online. */
  paidOnline: 0 | 1 | 2;
  digitised: boolean;
  reused: boolean;
  fromStore: boolean;
  citizenData: boolean;
  eResult: boolean;
  /** null = same as eResult. */
  resultDigitised: boolean | null;
  resultInStore: boolean;
  synced: boolean;
  vneid: boolean;
  rating: Rating | null;
  hasFeedback: boolean;
}

export type OnlineLevel = "toan-trinh" | "mot-phan" | "khong";

export interface Procedure {
  code: string;
  name: string | null;
  levels: string[];
  fieldCode: string | null;
  fieldName: string | null;
  onlineLevel: OnlineLevel;
  eligibleFullyOnline: boolean;
  hasFee: boolean;
  writtenResult: boolean;
  subjects: string[];
  populationData: boolean;
  eCertifiedCopy: boolean;
  timeLimit: number | null;
  timeUnit: TimeUnit | null;
}

export type FeedbackStatus = "moi" | "dang-xu-ly" | "cho-bo-sung" | "cho-cong-khai" | "da-cong-khai" | "tu-choi" | "chuyen-di";

export interface Feedback {
  code: string;
  dossierCode: string | null;
  subject: string | null;
  sent: IsoDate;
  received: IsoDate | null;
  forwarded: IsoDate | null;
  status: FeedbackStatus;
  refused: IsoDate | null;
  supplementRequested: IsoDate | null;
  awaitingPublication: IsoDate | null;
  published: IsoDate | null;
  category: "quy-dinh" | "hanh-vi" | null;
  likes: number;
  dislikes: number;
  complainedAgain: boolean;
}

/** Defaults of a procedure absent from the catalogue (contract §2). */
export function defaultProcedure(code: string): Procedure {
  return {
    code, name: null, levels: ["xa"], fieldCode: null, fieldName: null, onlineLevel: "khong",
    eligibleFullyOnline: false, hasFee: false, writtenResult: true, subjects: ["cong-dan"],
    populationData: false, eCertifiedCopy: false, timeLimit: null, timeUnit: null,
  };
}

export const CITIZEN_SUBJECTS = ["cong-dan", "nguoi-vn-o-nuoc-ngoai", "nguoi-nuoc-ngoai"];
export const isCitizenFacing = (p: Procedure) => p.subjects.some((s) => CITIZEN_SUBJECTS.includes(s));
