import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { WeekdayEnum } from './appointment.type.js';
import type { Weekday } from './recurrence.js';

@InputType({ description: "Books a series' plan as weekly appointments, e.g. Mon/Wed/Fri at 17:30 for 4 weeks." })
export class BookPlanInput {
  @Field(() => ID, { description: 'The series booked.' })
  seriesId!: string;

  @Field(() => [WeekdayEnum], { description: 'Days of the week, each at most once.' })
  weekdays!: Weekday[];

  @Field(() => String, { description: "Start time HH:MM (24-hour) in the clinic's time zone." })
  time!: string;

  @Field(() => Int, { description: 'Number of weeks from the first date; at most 200 appointments in all.' })
  weeks!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day; defaults to the later of the series start and today.' })
  firstDate?: string | null;

  @Field(() => Int, { nullable: true, description: "Minutes, 5-480; defaults to the plan's minutes per session." })
  minutes?: number | null;
}

@InputType({ description: 'One appointment of a series.' })
export class AddAppointmentInput {
  @Field(() => ID, { description: 'The series booked.' })
  seriesId!: string;

  @Field(() => LocalDateScalar, { description: "Date in the clinic's time zone." })
  date!: string;

  @Field(() => String, { description: "Start time HH:MM (24-hour) in the clinic's time zone." })
  time!: string;

  @Field(() => Int, { nullable: true, description: "Minutes, 5-480; defaults to the plan's minutes per session." })
  minutes?: number | null;
}

@InputType({ description: 'A new time for a booked appointment.' })
export class MoveAppointmentInput {
  @Field(() => LocalDateScalar, { description: "Date in the clinic's time zone." })
  date!: string;

  @Field(() => String, { description: "Start time HH:MM (24-hour) in the clinic's time zone." })
  time!: string;

  @Field(() => Int, { nullable: true, description: 'Minutes, 5-480; defaults to the current length.' })
  minutes?: number | null;
}
