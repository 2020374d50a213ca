/**
 * The operations of the OpenAPI document the server publishes, as the
 * route-walking suites read them (garbage input, authorisation, injection,
 * headers): a module's routes are covered as soon as they are registered.
 */

/** The part of JSON Schema the route schemas use. */
export interface JsonSchema {
  type?: JsonType | JsonType[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export interface Parameter {
  name: string;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As documented: `/api/v1/orgs/{id}`. */
  path: string;
  isPublic: boolean;
  pathParams: Parameter[];
  query: Parameter[];
  /** Undefined when the operation declares no request body. */
  body: JsonSchema | undefined;
}

interface OpenApiOperation {
  security?: unknown[];
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: { 'application/json'?: { schema: JsonSchema } } };
}

export function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const inPart = (part: string) => parameters.filter((p) => p.in === part).map(({ name, schema }) => ({ name, schema }));
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        pathParams: inPart('path'),
        query: inPart('query'),
        body: operation.requestBody?.content['application/json']?.schema,
      };
    }),
  );
}

export const describeOperation = (operation: Operation) => `${operation.method} ${operation.path}`;

/** The document as the running app serves it, and its operations. */
export async function publishedOperations(app: { inject(request: { method: 'GET'; url: string }): Promise<{ json(): any }> }) {
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  return { document, operations: operationsOf(document) };
}
