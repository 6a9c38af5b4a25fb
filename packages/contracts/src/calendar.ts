import { DURATION_UNITS } from '@jiesu/core';
import { Type } from 'typebox';
import { IsoDateTime, LocalDate, StringEnum } from './common';

export const CalendarYearsResponse = Type.Array(Type.Object({ year: Type.Integer(), source: Type.String(), holidays: Type.Integer(), workdays: Type.Integer() }));

export const PutHolidayScheduleBody = Type.Object(
  {
    holidays: Type.Array(LocalDate, { description: 'Days off (法定节假日), YYYY-MM-DD' }),
    workdays: Type.Array(LocalDate, { description: 'Make-up working days on weekends (调休上班), YYYY-MM-DD' }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const DeadlineQuery = Type.Object(
  {
    start: IsoDateTime,
    amount: Type.Integer({ minimum: 0, maximum: 10000 }),
    unit: StringEnum(DURATION_UNITS),
  },
  { additionalProperties: false },
);

export const DeadlineResponse = Type.Object({
  start: IsoDateTime,
  amount: Type.Integer(),
  unit: StringEnum(DURATION_UNITS),
  deadline: IsoDateTime,
  localDeadline: LocalDate,
  timeZone: Type.String(),
});
