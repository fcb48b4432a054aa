import { COMPACT_MAX_WIDTH } from './useCompactLayout';

/** For makeStyles: styles that apply only at phone widths (the same breakpoint as useCompactLayout). */
export const ON_PHONE = `@media (max-width: ${COMPACT_MAX_WIDTH - 0.02}px)`;
