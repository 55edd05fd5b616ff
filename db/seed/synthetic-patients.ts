import type { AdverseEventSeverity, CourseStatus } from "@/lib/domain/courses";
import type { InstrumentId } from "@/lib/domain/instruments";
import type { Sex } from "@/lib/domain/sexes";
import { addDays } from "./dates";
import { between, seededRandom } from "./random";

// Synthetic, clearly fictional patients for the demo teams. Trajectories are invented for
// demonstration only; they are not clinical figures and are never compared as evidence.

type Plan = "memantine-fm" | "ldn-fm" | "memantine-rls" | "ldn-mecfs" | "memantine-neuropathic";

type SyntheticAssessment = {
  instrumentId: InstrumentId;
  takenOn: string;
  /** 0..1, how severe the patient is on that day; turned into item answers by the seed. */
  severity: number;
  duringCourse: boolean;
};

type SyntheticPatient = {
  code: string;
  birthYear: number;
  sex: Sex;
  conditions: string[];
  course: {
    drug: string;
    indication: string;
    targetDose: number;
    doseUnit: string;
    startDate: string;
    endDate: string | null;
    status: CourseStatus;
    stopReason: string | null;
    doseSteps: { changedOn: string; dose: number }[];
    adverseEvents: { occurredOn: string; event: string; severity: AdverseEventSeverity }[];
  };
  assessments: SyntheticAssessment[];
};

const PLAN_FOR_INDEX: Plan[] = [
  ...Array<Plan>(12).fill("memantine-fm"),
  ...Array<Plan>(12).fill("ldn-fm"),
  ...Array<Plan>(8).fill("memantine-rls"),
  ...Array<Plan>(4).fill("ldn-mecfs"),
  ...Array<Plan>(4).fill("memantine-neuropathic"),
];

const CONDITIONS: Record<Plan, string[]> = {
  "memantine-fm": ["fibromyalgia"],
  "ldn-fm": ["fibromyalgia"],
  "memantine-rls": ["restless legs syndrome"],
  "ldn-mecfs": ["ME/CFS"],
  "memantine-neuropathic": ["neuropathic pain"],
};

const INSTRUMENTS: Record<Plan, SyntheticAssessment["instrumentId"][]> = {
  "memantine-fm": ["fiqr", "pain_nrs_0_10"],
  "ldn-fm": ["fiqr", "pain_nrs_0_10"],
  "memantine-rls": ["irls"],
  "ldn-mecfs": ["pain_nrs_0_10"],
  "memantine-neuropathic": ["pain_nrs_0_10"],
};

function memantineTitration(start: string) {
  // 5 mg/day, raised by 5 mg each week to 20 mg/day (source material 000-002).
  return [5, 10, 15, 20].map((dose, week) => ({ changedOn: addDays(start, week * 7), dose }));
}

export function syntheticPatients(prefix: string, count: number, today: string, seed: number): SyntheticPatient[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const plan = PLAN_FOR_INDEX[index % PLAN_FOR_INDEX.length];
    const isMemantine = plan.startsWith("memantine");
    const followUpDays = Math.round(between(random, 90, 180));
    const startDate = addDays(today, -followUpDays);
    const responsiveness = between(random, -0.15, 0.6);
    const baselineSeverity = between(random, 0.5, 0.85);

    let status: SyntheticPatient["course"]["status"] = "active";
    let endDate: string | null = null;
    let stopReason: string | null = null;
    const adverseEvents: SyntheticPatient["course"]["adverseEvents"] = [];
    const roll = random();
    if (isMemantine && roll < 0.15) {
      status = "stopped";
      endDate = addDays(startDate, 42);
      stopReason = "Dizziness not settling after titration";
      adverseEvents.push({ occurredOn: addDays(startDate, 16), event: "dizziness", severity: "moderate" });
    } else if (!isMemantine && roll < 0.15) {
      status = "completed";
      endDate = addDays(startDate, 84);
      stopReason = "12-week trial completed; reviewed with patient";
    }
    if (!isMemantine && random() < 0.3) {
      adverseEvents.push({ occurredOn: addDays(startDate, 5), event: "vivid dreams", severity: "mild" });
    }
    if (isMemantine && random() < 0.2) {
      adverseEvents.push({ occurredOn: addDays(startDate, 9), event: "headache", severity: "mild" });
    }

    const lastDay = endDate ?? today;
    const assessments: SyntheticAssessment[] = [];
    for (const instrumentId of INSTRUMENTS[plan]) {
      assessments.push({ instrumentId, takenOn: addDays(startDate, -3), severity: baselineSeverity, duringCourse: false });
      for (let day = Math.round(between(random, 14, 28)); addDays(startDate, day) <= lastDay; day += Math.round(between(random, 14, 28))) {
        const ramp = Math.min(1, day / 56);
        const noise = between(random, -0.05, 0.05);
        const severity = Math.min(1, Math.max(0, baselineSeverity * (1 - responsiveness * ramp) + noise));
        assessments.push({ instrumentId, takenOn: addDays(startDate, day), severity, duringCourse: true });
      }
    }

    return {
      code: `${prefix}-${String(index + 1).padStart(3, "0")}`,
      birthYear: 1950 + Math.floor(random() * 50),
      sex: random() < 0.8 ? "female" : "male",
      conditions: random() < 0.15 && plan.endsWith("fm") ? [...CONDITIONS[plan], "ME/CFS"] : CONDITIONS[plan],
      course: {
        drug: isMemantine ? "memantine" : "low-dose naltrexone",
        indication: CONDITIONS[plan][0],
        targetDose: isMemantine ? 20 : 4.5,
        doseUnit: "mg/day",
        startDate,
        endDate,
        status,
        stopReason,
        doseSteps: isMemantine
          ? memantineTitration(startDate).filter((s) => s.changedOn <= lastDay)
          : [{ changedOn: startDate, dose: 4.5 }],
        adverseEvents,
      },
      assessments,
    };
  });
}
