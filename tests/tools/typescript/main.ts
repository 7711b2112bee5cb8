// A client of the generated module, as the dashboard or an SDK would write one. The script
// compiles it with the module under `tsc --strict`, then runs it: each check throws on failure.
import {
  allErrorCodes,
  codes,
  errorCodeOfType,
  errorCodes,
  isErrorCode,
  type ErrorCode,
  type ErrorResponse,
  type GatewayErrorResponse,
} from "./errors";

function check(holds: boolean, what: string): void {
  if (!holds) {
    throw new Error(`check failed: ${what}`);
  }
}

/** What to tell a user about a code: matching on the union, with a fallback to its title. */
function advice(code: ErrorCode): string {
  switch (code) {
    case codes.unkey.data.KEY_NOT_FOUND.code:
      return "create the key first";
    case codes.unkey.authorization.FORBIDDEN.code:
      return "use a root key of this workspace";
    default:
      return errorCodes[code].title;
  }
}

const body: ErrorResponse = JSON.parse(
  '{"meta":{"requestId":"req_1"},"error":{"detail":"No such key","status":404,' +
    '"title":"Not Found","type":"https://unkey.com/docs/errors/unkey/data/key_not_found"}}',
);
const code = errorCodeOfType(body.error.type);
check(code === "err:unkey:data:key_not_found", "a response's type names its code");
if (code !== undefined) {
  check(errorCodes[code].status === body.error.status, "the code's status is the body's");
  check(advice(code) === "create the key first", "the switch matches the code");
}
check(errorCodeOfType("https://unkey.com/docs/errors/unkey/data/newer") === undefined, "unknown type");

// A string from the wire becomes a code only through the type guard.
const received: string = "err:unkey:authorization:forbidden";
if (isErrorCode(received)) {
  const status: number = errorCodes[received].status;
  check(status === 403, "the guarded code's status");
} else {
  check(false, "a known code passes the guard");
}
check(!isErrorCode("err:unkey:data:newer_code"), "a code newer than the module fails the guard");
check(!isErrorCode("toString"), "inherited members are not codes");

// The constants keep their literal types.
const forbiddenStatus: 403 = codes.unkey.authorization.FORBIDDEN.status;
check(forbiddenStatus === 403, "a constant's status");
check(
  codes.unkey.application.INVALID_INPUT.errorsArray,
  "invalid_input lists each problem in an errors array",
);
check(allErrorCodes.length > 80 && allErrorCodes.every(isErrorCode), "every code is listed");

// @ts-expect-error: a string that is not a code is not an ErrorCode.
const notACode: ErrorCode = "err:unkey:data:nope";
check(!isErrorCode(notACode), "the compiler rejected what the guard rejects");

// Each surface's facts: the gateway answers some codes with its own status, and some codes
// only the gateway sends.
const missing = codes.unkey.authentication.MISSING;
check(missing.apiStatus === 400 && missing.gatewayStatus === 401, "both surfaces' statuses");
check(codes.frontline.client.RATE_LIMITED.apiStatus === null, "a gateway-only code has no API status");
check(codes.unkey.data.KEY_NOT_FOUND.gatewayStatus === null, "an API-only code has no gateway status");
const gatewayBody: GatewayErrorResponse = JSON.parse(
  '{"meta":{"requestId":"req_1"},"error":{"code":"err:frontline:client:rate_limited",' +
    '"message":"Too many requests; slow down and retry later."}}',
);
if (isErrorCode(gatewayBody.error.code)) {
  const info = errorCodes[gatewayBody.error.code];
  check(info.gatewayMessage === gatewayBody.error.message, "the gateway's message is the catalogue's");
} else {
  check(false, "the gateway's code is known");
}

console.log(`typescript: ${allErrorCodes.length} codes checked`);
