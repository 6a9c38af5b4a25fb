// Intake intelligence API shapes (docs/intake.md): the suggestion request and answer, the
// administrator-edited reference (urgency and routing rules, gazetteer aliases, boundaries,
// duplicate settings), category models and the knowledge base (知识库).
import { CASE_KINDS, CASE_STATUSES, CASE_URGENCIES } from '@jiesu/core';
import { type Static, Type } from 'typebox';
import { IsoDateTime, StringEnum } from './common';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Code = Type.String({ minLength: 1, maxLength: 40 });

export const SuggestionDraftBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    detail: Type.String({ maxLength: 5000 }),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    coordinates: Type.Optional(
      Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false }),
    ),
    kind: Type.Optional(StringEnum(CASE_KINDS)),
    categoryCode: Type.Optional(Type.String({ pattern: '^\\d{2,6}$' })),
  },
  { additionalProperties: false },
);
export type SuggestionDraft = Static<typeof SuggestionDraftBody>;

/** Why, in both console languages: English (kept for API compatibility) and Chinese (zh-CN). */
const Explanation = {
  explanation: Type.String({ description: 'why, in English' }),
  explanationZh: Type.String({ description: 'why, in Chinese (zh-CN)' }),
};

const CategorySuggestion = Type.Object({
  available: Type.Boolean({ description: 'false when no category model is active' }),
  labels: Type.Array(Type.Object({ label: Type.String(), probability: Type.Number(), categoryCode: Nullable(Type.String()), categoryName: Nullable(Type.String()) })),
  drivers: Type.Array(Type.Object({ term: Type.String(), weight: Type.Number(), label: Type.String() })),
  mappedCategoryCodes: Type.Array(Type.String()),
  model: Type.Union([
    Type.Object({ id: Type.Integer(), createdAt: Type.String(), accuracy: Type.Union([Type.Number(), Type.Null()]), macroF1: Type.Union([Type.Number(), Type.Null()]) }),
    Type.Null(),
  ]),
  categoryCode: Nullable(Type.String({ description: 'the category the suggestion settles on (catalogue leaf, model level 1, or the one given)' })),
  categoryName: Nullable(Type.String()),
  decidedBy: StringEnum(['operator', 'catalogue', 'model', 'catalogue_and_model', 'none'] as const),
  catalogue: Type.Array(
    Type.Object({
      entryId: Type.String(),
      categoryPath: Type.Array(Type.String()),
      categoryCode: Nullable(Type.String()),
      score: Type.Number(),
      matched: Type.Array(Type.String()),
    }),
    { description: 'dispatch-catalogue entries that matched the text, strongest first' },
  ),
  ...Explanation,
});

const UrgencySuggestion = Type.Object({
  urgency: StringEnum(CASE_URGENCIES),
  rule: Type.Union([Type.Object({ id: Type.String(), matched: Type.String() }), Type.Null()]),
  confidence: Type.Number(),
  matches: Type.Array(Type.Object({ id: Type.String(), urgency: Type.String(), matched: Type.String() })),
  ...Explanation,
});

const PlaceRef = Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]);

const LocationSuggestion = Type.Object({
  source: StringEnum(['coordinates', 'address', 'text', 'none'] as const),
  level: Type.String(),
  district: PlaceRef,
  street: PlaceRef,
  community: PlaceRef,
  confidence: Type.Number(),
  matched: Type.Array(Type.Object({ text: Type.String(), unitCode: Type.String(), unitName: Type.String(), level: Type.String(), kind: Type.String() })),
  alternatives: Type.Array(
    Type.Object({
      districtCode: Type.Optional(Type.String()),
      streetCode: Type.Optional(Type.String()),
      communityCode: Type.Optional(Type.String()),
      level: Type.String(),
      score: Type.Number(),
      label: Type.String(),
    }),
  ),
  ...Explanation,
});

const LeadSuggestion = Type.Object({
  categoryCode: Nullable(Type.String()),
  lead: PlaceRef,
  coHandlers: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  rule: Type.Union([Type.Object({ id: Type.String(), categoryPrefix: Type.String(), districtCode: Nullable(Type.String()) }), Type.Null()]),
  basis: Type.String(),
  confidence: Type.Number(),
  ...Explanation,
});

export const DuplicateSuggestion = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.String(),
  subject: Type.String(),
  status: StringEnum(CASE_STATUSES),
  receivedAt: IsoDateTime,
  similarity: Type.Number(),
  sharedWords: Type.Array(Type.String()),
});

export const KnowledgeHit = Type.Object({
  id: Type.String(),
  title: Type.String(),
  answer: Type.String(),
  categoryCodes: Type.Array(Type.String()),
  sourcePolicy: Nullable(Type.String()),
  score: Type.Number(),
  matchedWords: Type.Array(Type.String()),
  isDemo: Type.Boolean(),
});

export const SuggestionsResponse = Type.Object({
  category: CategorySuggestion,
  urgency: UrgencySuggestion,
  location: LocationSuggestion,
  leadUnit: LeadSuggestion,
  duplicates: Type.Array(DuplicateSuggestion),
  duplicatesExplanation: Type.String(),
  duplicatesExplanationZh: Type.String(),
  knowledge: Type.Array(KnowledgeHit),
  knowledgeExplanation: Type.String(),
  knowledgeExplanationZh: Type.String(),
});

// ---- administrator reference ----

export const UrgencyRuleSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 60 }),
    pattern: Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200 })]),
    urgency: StringEnum(CASE_URGENCIES),
    priority: Type.Number({ minimum: -1_000_000, maximum: 1_000_000 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const UrgencyRulesBody = Type.Object({ rules: Type.Array(UrgencyRuleSchema, { maxItems: 500 }) }, { additionalProperties: false });

const RoutingTargetSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('unit_class'),
      unitClass: StringEnum(['street', 'community', 'district', 'department', 'enterprise'] as const),
      departmentKind: Type.Optional(Type.String({ maxLength: 40 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('unit'), unitCode: Code }, { additionalProperties: false }),
]);
export const RoutingRuleSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 60 }),
    categoryPrefix: Type.String({ maxLength: 12 }),
    districtCode: Type.Optional(Type.Union([Type.String({ maxLength: 12 }), Type.Null()])),
    target: RoutingTargetSchema,
    coHandlers: Type.Optional(Type.Array(RoutingTargetSchema, { maxItems: 10 })),
    priority: Type.Number({ minimum: -1_000_000, maximum: 1_000_000 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const RoutingRulesBody = Type.Object({ rules: Type.Array(RoutingRuleSchema, { maxItems: 2000 }) }, { additionalProperties: false });

export const DispatchEntrySchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 60 }),
    categoryPath: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 3 }),
    keywords: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 100 }),
    excludes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 100 })),
    lead: RoutingTargetSchema,
    coHandlers: Type.Optional(Type.Array(RoutingTargetSchema, { maxItems: 10 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    noteZh: Type.Optional(Type.String({ maxLength: 500 })),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const DispatchCatalogueBody = Type.Object({ entries: Type.Array(DispatchEntrySchema, { maxItems: 2000 }) }, { additionalProperties: false });
export const DispatchCatalogueResponse = Type.Object({
  source: StringEnum(['default', 'administrator'] as const),
  updatedBy: Nullable(Type.String()),
  entries: Type.Array(
    Type.Object({ ...DispatchEntrySchema.properties, categoryCode: Nullable(Type.String({ description: 'the code the path resolves to in the current tree' })) }),
  ),
});

export const RuleListResponse = <T extends typeof UrgencyRuleSchema | typeof RoutingRuleSchema>(rule: T) =>
  Type.Object({ source: StringEnum(['default', 'administrator'] as const), updatedBy: Nullable(Type.String()), rules: Type.Array(rule) });

export const DuplicateSettingsSchema = Type.Object(
  {
    windowDays: Type.Integer({ minimum: 1, maximum: 365 }),
    limit: Type.Integer({ minimum: 1, maximum: 20 }),
    minSimilarity: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);

export const GazetteerAliasBody = Type.Object(
  {
    alias: Type.String({ minLength: 2, maxLength: 60 }),
    unitCode: Type.String({ pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$' }),
    kind: StringEnum(['short_name', 'road', 'landmark', 'estate'] as const),
  },
  { additionalProperties: false },
);
export const GazetteerAliasSchema = Type.Object({ id: Type.Integer(), alias: Type.String(), unitCode: Type.String(), unitName: Type.String(), kind: Type.String() });

export const BoundariesUploadBody = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        properties: Type.Object({ unitCode: Type.String({ minLength: 1, maxLength: 40 }), level: Type.Optional(StringEnum(['district', 'street', 'community'] as const)) }),
        geometry: Type.Object({ type: StringEnum(['Polygon', 'MultiPolygon'] as const), coordinates: Type.Array(Type.Unknown()) }),
      }),
      { minItems: 1, maxItems: 10_000 },
    ),
    source: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const BoundarySummary = Type.Object({ unitCode: Type.String(), level: Type.String(), rings: Type.Integer(), source: Nullable(Type.String()) });

export const CategoryModelSummary = Type.Object({
  id: Type.Integer(),
  createdAt: IsoDateTime,
  format: Type.String(),
  formatVersion: Type.Integer(),
  labels: Type.Array(Type.String()),
  trainingSize: Type.Integer(),
  metrics: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  source: Type.String(),
  isActive: Type.Boolean(),
});

// ---- knowledge base ----

const ArticleFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  answer: Type.String({ minLength: 1, maxLength: 20_000 }),
  categoryCodes: Type.Array(Type.String({ pattern: '^\\d{2,6}$' }), { maxItems: 50 }),
  sourcePolicy: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  validFrom: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  validTo: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  isActive: Type.Boolean(),
};
export const CreateArticleBody = Type.Object(
  {
    title: ArticleFields.title,
    answer: ArticleFields.answer,
    categoryCodes: Type.Optional(ArticleFields.categoryCodes),
    sourcePolicy: Type.Optional(ArticleFields.sourcePolicy),
    validFrom: Type.Optional(ArticleFields.validFrom),
    validTo: Type.Optional(ArticleFields.validTo),
    isActive: Type.Optional(ArticleFields.isActive),
  },
  { additionalProperties: false },
);
export const UpdateArticleBody = Type.Object(
  {
    title: Type.Optional(ArticleFields.title),
    answer: Type.Optional(ArticleFields.answer),
    categoryCodes: Type.Optional(ArticleFields.categoryCodes),
    sourcePolicy: Type.Optional(ArticleFields.sourcePolicy),
    validFrom: Type.Optional(ArticleFields.validFrom),
    validTo: Type.Optional(ArticleFields.validTo),
    isActive: Type.Optional(ArticleFields.isActive),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const ArticleSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  answer: Type.String(),
  categoryCodes: Type.Array(Type.String()),
  sourcePolicy: Nullable(Type.String()),
  validFrom: Type.Union([IsoDateTime, Type.Null()]),
  validTo: Type.Union([IsoDateTime, Type.Null()]),
  isActive: Type.Boolean(),
  isDemo: Type.Boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export const KnowledgeSearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 500 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 5 })) },
  { additionalProperties: false },
);
