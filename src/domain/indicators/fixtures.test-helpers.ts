import type { Dossier, Feedback, Procedure } from "./types.js";
import { defaultProcedure } from "./types.js";

/** Test factories: an accepted, in-process dossier with no flags. */
export function dossier(over: Partial<Dossier> = {}): Dossier {
  return {
    code: "D", procedureCode: "P", procedureName: null, fieldCode: null, fieldName: null, unit: null, channel: 1, level: null,
    applicantType: null, status: 4, submitted: null, accepted: "2026-03-02", due: "2026-03-10", timeLimit: null, timeUnit: null,
    ended: null, returned: null, refused: null, supplementCount: 0, supplementRequested: null, supplementReturned: null, apology: null,
    newDue: null, fee: 0, paidOnline: 0, digitised: false, reused: false, fromStore: false, citizenData: false, eResult: false,
    resultDigitised: null, resultInStore: false, synced: false, vneid: false, rating: null, hasFeedback: false, ...over,
  };
}
export function procedure(over: Partial<Procedure> = {}): Procedure {
  return { ...defaultProcedure(over.code ?? "P"), ...over };
}
export function feedback(over: Partial<Feedback> = {}): Feedback {
  return {
    code: "F", dossierCode: null, subject: null, sent: "2026-03-02", received: null, forwarded: null, status: "moi", refused: null,
    supplementRequested: null, awaitingPublication: null, published: null, category: null, likes: 0, dislikes: 0, complainedAgain: false, ...over,
  };
}
