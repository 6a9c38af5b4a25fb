// The public portal's shapes that the server and the portal share.
import { Type } from 'typebox';
import { IsoDateTime } from './common';

const Rate = Type.Union([Type.Number(), Type.Null()]);

export const PublicRankingRowSchema = Type.Object({
  rank: Type.Union([Type.Integer(), Type.Null()]),
  unitCode: Type.String(),
  unitName: Type.String(),
  composite: Rate,
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  sampleSize: Type.Integer(),
  wilsonRank: Type.Union([Type.Integer(), Type.Null()]),
  isTop: Type.Boolean(),
  isBottom: Type.Boolean(),
});

/** The published monthly rankings (streets/townships and districts), top and bottom of each. */
export const PublicRankingsSchema = Type.Object({
  periodKey: Type.Union([Type.String(), Type.Null()]),
  periods: Type.Array(Type.String()),
  version: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: Type.Union([IsoDateTime, Type.Null()]),
  classes: Type.Array(
    Type.Object({ unitClass: Type.String(), rankedCount: Type.Integer(), top: Type.Array(PublicRankingRowSchema), bottom: Type.Array(PublicRankingRowSchema) }),
  ),
});
