// A client of the generated package, as a Go service would write one. The script vets it with
// the package, then runs it: it exits non-zero on the first failed check.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"unkey-errors.test/exports/codes"
)

func check(holds bool, what string) {
	if !holds {
		fmt.Fprintln(os.Stderr, "check failed:", what)
		os.Exit(1)
	}
}

// advice says what to tell a user about a code: a switch on the constants, with a fallback to
// the code's title.
func advice(code codes.Code) string {
	switch code {
	case codes.UnkeyDataKeyNotFound:
		return "create the key first"
	case codes.UnkeyAuthorizationForbidden:
		return "use a root key of this workspace"
	default:
		return code.Title()
	}
}

func main() {
	var body codes.ErrorResponse
	err := json.Unmarshal([]byte(`{"meta":{"requestId":"req_1"},"error":{"detail":"No such key",`+
		`"status":404,"title":"Not Found","type":"https://unkey.com/docs/errors/unkey/data/key_not_found"}}`), &body)
	check(err == nil, "a response body decodes")
	code, ok := codes.FromType(body.Error.Type)
	check(ok && code == codes.UnkeyDataKeyNotFound, "a response's type names its code")
	check(code.Status() == body.Error.Status, "the code's status is the body's")
	check(advice(code) == "create the key first", "the switch matches the code")

	// A string from the wire becomes a code only through Parse.
	parsed, known := codes.Parse("err:unkey:authorization:forbidden")
	check(known && parsed.Status() == 403 && parsed.Title() == "Forbidden", "a known code parses")
	_, known = codes.Parse("err:unkey:data:newer_code")
	check(!known, "a code newer than the package is not known")
	check(codes.Code("err:unkey:data:newer_code").Status() == 0, "an unknown code has no status")

	// An empty errors array is still sent for the codes that carry one.
	check(codes.UnkeyApplicationInvalidInput.ErrorsArray(), "invalid_input carries an errors array")
	none := []codes.ValidationError{}
	out, err := json.Marshal(codes.ErrorResponse{
		Meta: codes.Meta{RequestID: "req_1"},
		Error: codes.ErrorBody{
			Detail: "The request is invalid",
			Status: codes.UnkeyApplicationInvalidInput.Status(),
			Title:  codes.UnkeyApplicationInvalidInput.Title(),
			Type:   codes.UnkeyApplicationInvalidInput.DocsURL(),
			Errors: &none,
		},
	})
	check(err == nil && strings.Contains(string(out), `"errors":[]`), "an empty errors array is encoded")

	// Each surface's facts, and the gateway's body, whose members come in the gateway's order.
	missing := codes.UnkeyAuthenticationMissing
	check(missing.APIStatus() == 400 && missing.GatewayStatus() == 401, "both surfaces' statuses")
	check(codes.FrontlineClientRateLimited.APIStatus() == 0, "a gateway-only code has no API status")
	check(codes.UnkeyDataKeyNotFound.GatewayStatus() == 0, "an API-only code has no gateway status")
	gatewayBody, err := json.Marshal(codes.GatewayErrorResponse{
		Meta:  codes.Meta{RequestID: "req_1"},
		Error: codes.GatewayErrorBody{Code: missing, Message: missing.GatewayMessage()},
	})
	check(err == nil && string(gatewayBody) ==
		`{"meta":{"requestId":"req_1"},"error":{"code":"err:unkey:authentication:missing","message":"The request has no Authorization header."}}`,
		"the gateway's body encodes in its own shape")

	all := codes.All()
	for _, code := range all {
		info, ok := code.Info()
		check(ok && info.Code == code && code.Known(), "every listed code is known")
	}
	check(len(all) > 80, "every code is listed")
	fmt.Printf("go: %d codes checked\n", len(all))
}
