/** Member notes by direction and member name. */
export interface MemberNotes {
  in: Record<string, string>;
  out: Record<string, string>;
}
/** The hand-written docs of one operation. */
export interface OperationDoc {
  family: string;
  summary: string;
  example: string;
  notes: MemberNotes;
}
export function loadOperationDocs(): { operations: Map<string, OperationDoc>; members: MemberNotes };
