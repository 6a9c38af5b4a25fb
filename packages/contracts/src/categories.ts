import { Type } from 'typebox';

const CategoryFields = {
  code: Type.String(),
  name: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  level: Type.Integer({ minimum: 1, maximum: 3 }),
  path: Type.String(),
  sortOrder: Type.Integer(),
  isActive: Type.Boolean(),
};
export const CategorySchema = Type.Object(CategoryFields);

export const CategoryTreeResponse = Type.Object({
  total: Type.Integer(),
  tree: Type.Array(
    Type.Object({
      ...CategoryFields,
      children: Type.Array(Type.Object({ ...CategoryFields, children: Type.Array(CategorySchema) })),
    }),
  ),
});

export const CreateCategoryBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    parentCode: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const UpdateCategoryBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
