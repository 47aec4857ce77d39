import type { AppointmentStatus } from '../../graphql/generated/graphql';

/**
 * How each status shows on the calendar: a word and a shape as well as a colour, so it reads without colour
 * (WCAG 1.4.1) and aloud.
 */
export const appointmentStatusLabels: Record<AppointmentStatus, { label: string; mark: string }> = {
  BOOKED: { label: 'Booked', mark: '○' },
  ATTENDED: { label: 'Attended', mark: '●' },
  CANCELLED: { label: 'Cancelled', mark: '✕' },
  NO_SHOW: { label: 'No-show', mark: '!' },
};

export const weekdayLabels = [
  ['MONDAY', 'Mon'],
  ['TUESDAY', 'Tue'],
  ['WEDNESDAY', 'Wed'],
  ['THURSDAY', 'Thu'],
  ['FRIDAY', 'Fri'],
  ['SATURDAY', 'Sat'],
  ['SUNDAY', 'Sun'],
] as const;
