import type { FormState } from "@/lib/actions/form-state";
import type { Role } from "@/lib/domain/roles";

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export type MemberRow = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
  isYou: boolean;
  changeRole: FormAction;
  setActive: FormAction;
  resetPassword: FormAction;
};
