import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type SerializerFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer'] & {};
type Serializer = (data: unknown) => string;

// Fastify's own response serializer compiler (fast-json-stringify), as Fastify resolves it.
const fastifyRequire = createRequire(createRequire(import.meta.url).resolve('fastify'));
const defaultSerializers = (fastifyRequire('@fastify/fast-json-stringify-compiler') as { SerializerSelector: () => SerializerFactory }).SerializerSelector();

/** Compiled serializers by shared schemas and options, then by response schema object. */
const compiled = new Map<string, WeakMap<object, Serializer>>();

/**
 * Fastify's response serializers, compiled once per response schema in a
 * process instead of once per app built. A server builds one app and is
 * unchanged; the tests build one per file over the same schema objects, and
 * compiling them was the larger part of each build.
 */
export const cachedResponseSerializers: SerializerFactory = (externalSchemas, options) => {
  const compile = defaultSerializers(externalSchemas, options);
  // Shared schemas ($ref targets) and options change what a schema compiles to.
  const key = JSON.stringify([externalSchemas ?? null, options ?? null]);
  let bySchema = compiled.get(key);
  if (!bySchema) compiled.set(key, (bySchema = new WeakMap()));
  const cache = bySchema;
  return (route) => {
    const schema = route.schema;
    if (typeof schema !== 'object' || schema === null) return compile(route);
    let serializer = cache.get(schema);
    if (!serializer) cache.set(schema, (serializer = compile(route)));
    return serializer;
  };
};
