import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StudyDetail } from "@/components/evidence/study-detail";
import { studyTitleText } from "@/components/evidence/study-title";
import { NotFoundError } from "@/lib/errors";
import { getStudy, type StudyRecord } from "@/lib/data/studies";
import { requirePageUser } from "@/lib/data/session";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page both need the study; one read per request.
const loadStudy = cache(async (id: string): Promise<StudyRecord | null> => {
  const user = await requirePageUser();
  try {
    return await getStudy(user, id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const record = await loadStudy((await params).id);
  return { title: record ? studyTitleText(record) : "Study not found" };
}

export default async function StudyPage({ params }: Props) {
  await requirePageUser();
  const record = await loadStudy((await params).id);
  if (!record) notFound();
  return <StudyDetail record={record} />;
}
