import { ROLES, UNIT_CLASSES } from '@jiesu/core';
import { Type } from 'typebox';
import { IsoDateTime, StringEnum } from './common';

export const UnitClassSchema = StringEnum(UNIT_CLASSES);
export const RoleSchema = StringEnum(ROLES);

export const UnitSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  class: UnitClassSchema,
  kind: Type.Union([Type.String(), Type.Null()]),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  path: Type.String(),
  isActive: Type.Boolean(),
});

export const UnitDetailSchema = Type.Object({
  ...UnitSchema.properties,
  ancestors: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), class: UnitClassSchema })),
  childCount: Type.Integer(),
});

export const CreateUnitBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    class: StringEnum(['department', 'enterprise', 'section'] as const),
    parentCode: Type.String({ minLength: 1 }),
    kind: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const UpdateUnitBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  unitCode: Type.String(),
  roles: Type.Array(RoleSchema),
  isActive: Type.Boolean(),
});

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[a-z0-9][a-z0-9._-]*$' }),
    displayName: Type.String({ minLength: 1, maxLength: 60 }),
    unitCode: Type.String({ minLength: 1 }),
    roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }),
    password: Type.String({ minLength: 10, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    unitCode: Type.Optional(Type.String({ minLength: 1 })),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, uniqueItems: true })),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 40 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const LoginResponse = Type.Object({ token: Type.String(), expiresAt: IsoDateTime, user: UserSchema });

export const MeResponse = Type.Object({
  userId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  unitCode: Type.String(),
  unitPath: Type.String(),
  unitClass: UnitClassSchema,
  roles: Type.Array(RoleSchema),
});
