import type { Metadata } from "next";
import { SimpleForm } from "@/components/forms/simple-form";
import { requirePageUser } from "@/lib/data/session";
import { getFollowUpWeeks } from "@/lib/data/worklist";
import { setFollowUpWeeksAction } from "./actions";

export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettingsPage() {
  const user = await requirePageUser("team:manage");
  const weeks = await getFollowUpWeeks(user);
  return (
    <>
      <h1>Settings of {user.team.name}</h1>
      <p>
        The worklist lists an active course as &quot;follow-up overdue&quot; when its patient has had no assessment for this many weeks.
        Currently: {weeks} weeks.
      </p>
      <SimpleForm
        title="Worklist follow-up interval"
        submitLabel="Save"
        action={setFollowUpWeeksAction}
        fields={[{ name: "followUpWeeks", label: "Follow-up interval (weeks, 1 to 52)", kind: "decimal", defaultValue: String(weeks) }]}
      />
    </>
  );
}
