// The words of an Open311 (GeoReport v2) service definition: how an attribute is typed and how a
// service is answered. The server stores them, the contracts build their schemas from them.
export const OPEN311_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Open311Datatype = (typeof OPEN311_DATATYPES)[number];

/** realtime: a request gets its id at once · batch: later · blackbox: no status is reported back. */
export const OPEN311_SERVICE_TYPES = ['realtime', 'batch', 'blackbox'] as const;
export type Open311ServiceType = (typeof OPEN311_SERVICE_TYPES)[number];
