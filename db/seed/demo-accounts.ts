// Demo accounts for a local trial of the app; printed on start and written in the README.
export const DEMO_PASSWORD = "yardstick-demo-2026";

export const DEMO_TEAMS = [
  { slug: "demo-pain-clinic", name: "Demo Pain Clinic", patientPrefix: "YS", patientCount: 40 },
  { slug: "northside-sleep-clinic", name: "Northside Sleep Clinic", patientPrefix: "NS", patientCount: 6 },
] as const;

export const DEMO_USERS = [
  { email: "clinician@yardstick.demo", displayName: "Dr Dana Clinician", team: "demo-pain-clinic", role: "clinician" },
  { email: "admin@yardstick.demo", displayName: "Alex Admin", team: "demo-pain-clinic", role: "admin" },
  { email: "viewer@yardstick.demo", displayName: "Vic Viewer", team: "demo-pain-clinic", role: "viewer" },
  { email: "clinician@northside.demo", displayName: "Dr Noor Northside", team: "northside-sleep-clinic", role: "clinician" },
] as const;
