import { defineMessages } from './i18n/catalogue.ts';

/** One failing field (`path`) or one failing import row (`row`, `column`). */
export interface ErrorDetail {
  path?: string;
  row?: number;
  column?: string;
  code?: string;
  message: string;
}

/**
 * An error meant for the person using kexie: a stable `code` that clients
 * branch on, an HTTP status, and a message looked up in the catalogue by code
 * in the reader's language. Anything that is not an AppError is a bug and
 * answers 500 without its internals.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly options: { params?: Record<string, unknown>; details?: ErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code = 'NOT_FOUND') => new AppError(code, 404);

export const platformMessages = defineMessages({
  'zh-CN': {
    VALIDATION_FAILED: '提交的内容有误，请检查标出的字段',
    INVALID_JSON: '请求内容不是合法的 JSON',
    PAYLOAD_TOO_LARGE: '请求内容过大',
    UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
    NOT_FOUND: '请求的资源不存在',
    ROUTE_NOT_FOUND: '没有这个接口',
    METHOD_NOT_ALLOWED: '该接口不支持此请求方法',
    AUTH_REQUIRED: '请先登录',
    FORBIDDEN: '您没有执行此操作的权限',
    CSRF_TOKEN_INVALID: '页面已过期或请求来源不可信，请刷新后重试',
    INTERNAL_ERROR: '服务器内部错误，请稍后重试；如问题持续，请将请求编号提供给管理员',
    BAD_REQUEST: '请求有误',
    MALFORMED_URL: '请求地址的编码有误',
    URI_TOO_LONG: '请求地址过长',
    INPUT_NUL_CHARACTER: '不能包含空字符（U+0000）',
    CONFLICT: '数据刚被他人修改，与本次提交冲突，请刷新后重试',
    REFERENCE_GONE: '引用的记录已不存在，请刷新后重试',
    'cli.error': '错误',
  },
  'en-US': {
    VALIDATION_FAILED: 'Some fields are invalid; see the details',
    INVALID_JSON: 'The request body is not valid JSON',
    PAYLOAD_TOO_LARGE: 'The request body is too large',
    UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
    NOT_FOUND: 'The requested resource does not exist',
    ROUTE_NOT_FOUND: 'No such endpoint',
    METHOD_NOT_ALLOWED: 'This endpoint does not accept that method',
    AUTH_REQUIRED: 'Please sign in first',
    FORBIDDEN: 'You are not allowed to do this',
    CSRF_TOKEN_INVALID: 'The page has expired or the request origin is not trusted; reload and try again',
    INTERNAL_ERROR: 'Internal server error; if it persists, give the request id to an administrator',
    BAD_REQUEST: 'Bad request',
    MALFORMED_URL: 'The request URL is not correctly encoded',
    URI_TOO_LONG: 'The request URL is too long',
    INPUT_NUL_CHARACTER: 'must not contain the NUL character (U+0000)',
    CONFLICT: 'Someone else changed this data at the same time; reload and try again',
    REFERENCE_GONE: 'A referenced record no longer exists; reload and try again',
    'cli.error': 'Error',
  },
});
