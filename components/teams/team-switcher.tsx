"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";

type Team = { id: string; name: string; role: string };
type Props = { teams: Team[]; activeTeamId: string; action: (state: FormState, formData: FormData) => Promise<FormState> };

/** The header's choice of active team; every page and write then uses that team. */
export function TeamSwitcher({ teams, activeTeamId, action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="team-switcher" aria-label="Choose the active team">
      <label htmlFor="active-team" className="sr-only">
        Active team
      </label>
      <select key={activeTeamId} id="active-team" name="teamId" defaultValue={activeTeamId}>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name} ({team.role})
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Switching…" : "Switch team"}
      </button>
      {state.error && (
        <span role="alert" className="form-error">
          {state.error}
        </span>
      )}
    </form>
  );
}
