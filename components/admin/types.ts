import type { FormState } from "@/lib/actions/form-state";

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export type MemberRow = {
  id: string;
  email: string;
  displayName: string;
  role: "admin" | "clinician" | "viewer";
  active: boolean;
  isYou: boolean;
  changeRole: FormAction;
  setActive: FormAction;
  resetPassword: FormAction;
};
