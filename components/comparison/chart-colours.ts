// Colours shared by the comparison figure (legend, table) and its recharts drawing.
export const PATIENT_COLOUR = "#0b5cad";
export const MUTED = "#57606a";
