// Generated from openapi/admin.yaml by scripts/gen-types.mjs (openapi-typescript); do not edit by hand.
export interface paths {
    "/__admin/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check
         * @description Answers `ok` with the server's uptime and authmock's version.
         */
        get: operations["adminHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Return to the loaded fixtures
         * @description Returns every provider's accounts, keys, sessions, tokens, redemption counts and
         *     lock-outs to the loaded fixtures (plus nothing added since), and drops the request log
         *     and all faults. The clock is left as it is: `POST /__admin/clock` with `{"real":true}` puts
         *     it back on real time. Only the world the call is made in is reset: under `/_sandbox/{id}`
         *     that sandbox, otherwise the main world.
         */
        post: operations["adminReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/fixtures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add fixtures
         * @description Adds fixtures to the current state, per provider. Each present section is checked against
         *     that provider's fixture schema and added in one step: if any section is rejected, nothing
         *     is added. In a sandbox, the sandbox's state may not grow past the per-sandbox limit (413).
         */
        post: operations["adminAddFixtures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show the current state
         * @description Shows the mock's clock and, per provider, its live accounts, sessions and tokens with
         *     secrets masked. The per-provider shape is each provider's own and not part of this
         *     contract.
         */
        get: operations["adminGetState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the mock clock
         * @description Shows the mock's current time, its offset from real time and whether it is frozen.
         */
        get: operations["adminGetClock"];
        put?: never;
        /**
         * Move, set or freeze the mock clock
         * @description Changes the mock's clock. `real` first puts it back on real time (no offset, not frozen),
         *     `set` jumps to an instant, `advance` then moves forward by an ISO 8601 duration (`PT5M`,
         *     not `5m`), and `freeze` stops (`true`) or restarts (`false`) the clock. Every expiry the
         *     mock computes follows this clock. A move that would leave the dates JavaScript can hold
         *     (about 275,000 years either side of 1970) is refused with a 400 and changes nothing.
         *     `POST /__admin/reset` leaves the clock alone. With `--state`, the clock's offset is kept
         *     across restarts.
         */
        post: operations["adminSetClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List recent requests
         * @description Lists the most recent requests to the provider routes, newest first, with the operation
         *     matched, the status sent, how the caller authenticated, which credential it sent (masked)
         *     and what went wrong (the whole `X-Mock-Problem` text, code and detail). Each entry keeps
         *     the request's headers and body with secrets masked: credential headers and secret-named
         *     fields show only their first four and last two characters, as `GET /__admin/state` does;
         *     the query string is never kept.
         */
        get: operations["adminListRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List active faults
         * @description Lists the faults still active, oldest first.
         */
        get: operations["adminListFaults"];
        put?: never;
        /**
         * Inject a fault
         * @description Makes one provider operation misbehave: wait `latency_ms` before answering, and/or answer
         *     `status` instead of running the flow, or answer exactly what the provider answers for a
         *     `problem` (its status, body and headers: emnify `auth.expired` is `401` 1103 TokenExpired), for the next `times` matching requests (or until
         *     cleared) and each time with `probability` (default 1). Faults apply to provider operations
         *     only (a fault on the admin API could lock out its own removal), `status` is an error status
         *     (400 to 599) and `latency_ms` at most 60,000.
         */
        post: operations["adminAddFault"];
        /**
         * Remove all faults
         * @description Removes every active fault and says how many there were.
         */
        delete: operations["adminClearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/credentials/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Expire a live credential now
         * @description Makes one live credential of this world (or sandbox) expire now, the way its provider
         *     expires it, so a client meets the failure mid-session: a DeviceHQ session token ends as an
         *     idle session does (`401`, JSON:API); an emnify `auth_token` answers `401` 1103
         *     TokenExpired on use while its `refresh_token` still works; an emnify application token
         *     reaches its `expiry_date`; an RFCx user token is past `token_expires_at` (`401
         *     Unauthorized`); a Duet account token is refused (`401 Unauthorized`: Duet's tokens have no
         *     lifetime of their own). Send the credential exactly as the client holds it.
         */
        post: operations["adminExpireCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/credentials/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a live credential now
         * @description Revokes one live credential of this world (or sandbox) as its provider revokes it: a
         *     DeviceHQ session is closed as by a new sign-in elsewhere; an emnify application token gets
         *     status Revoked (`{"status":{"id":1}}`) and an emnify `auth_token` or `refresh_token`
         *     stops working (`401` 1102 InvalidToken); an RFCx user token is logged out; a Duet account
         *     token is replaced as by a password change. Send the credential exactly as the client holds it.
         */
        post: operations["adminRevokeCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Responses and auth outcomes seen per operation
         * @description For each provider operation: the documented responses and the auth outcomes it documents
         *     (`ok`, `missing`, `invalid`, `expired`, `revoked`, `wrong type`, `rate-limited`), each with
         *     how many requests of this world (or sandbox) reached it since its last reset, and the ones
         *     never seen. `POST /__admin/reset` starts the counts again. A status or outcome the
         *     operation does not document is listed with `(undocumented)`.
         */
        get: operations["adminGetCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/sandboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sandboxes
         * @description Lists the sandboxes that exist, with when each was created and last used.
         */
        get: operations["adminListSandboxes"];
        put?: never;
        /**
         * Create a sandbox
         * @description Creates an isolated world with its own state and its own clock (set to the main clock's
         *     current time, then independent of it). Without a body, or without `fixtures`, the sandbox
         *     is seeded with the fixtures the server was started with (as the main world was at start
         *     or after `POST /__admin/reset`, not with the main world's current state). With `fixtures`,
         *     it is seeded with those fixtures only, instead of the loaded ones. That seed is the
         *     sandbox's baseline. The `id` is a random UUID; send provider requests under the returned
         *     `base_path` (`/_sandbox/<id>`), e.g. `<base_path>/duet/1`. A sandbox unused for
         *     `expires_idle_ms` is deleted. With `--state`, sandboxes (state, baseline and clock) are
         *     kept across restarts. Memory is bounded: one sandbox's state may take at most 1 MiB of
         *     JSON (413) and all sandboxes together 64 MiB (429).
         */
        post: operations["adminCreateSandbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/sandboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a sandbox
         * @description Deletes a sandbox and everything in it; its `base_path` stops answering.
         */
        delete: operations["adminDeleteSandbox"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description An RFC 9457 problem details object.
         * @example {
         *       "type": "urn:authmock:problem:route.not_found",
         *       "title": "No such route",
         *       "status": 404,
         *       "detail": "No route for GET /duet/2",
         *       "instance": "/duet/2",
         *       "code": "route.not_found"
         *     }
         */
        Problem: {
            /**
             * Format: uri-reference
             * @description A URI reference identifying the problem type.
             */
            type: string;
            /** @description Short, human-readable summary of the problem type. */
            title: string;
            /** @description The HTTP status code. */
            status: number;
            /** @description Explanation specific to this occurrence. */
            detail: string;
            /**
             * Format: uri-reference
             * @description A URI reference identifying this occurrence (usually the request path).
             */
            instance?: string;
            /** @description authmock's stable machine-readable error code, e.g. `admin.unauthorized`. */
            code?: string;
        };
        /** @description Health of the server. */
        Health: {
            /** @constant */
            status: "ok";
            /** @description Milliseconds since the server started. */
            uptime_ms: number;
            /** @description authmock's version. */
            version: string;
        };
        /** @description Confirmation of a reset. */
        ResetResult: {
            /** @constant */
            reset: true;
        };
        /**
         * @description Free-form fixtures, one optional section per provider (`duet`, `devicehq`, `rfcx`,
         *     `emnify`, the same top-level keys as a fixtures file). Each section is an object whose
         *     exact shape is that provider's fixture schema, checked by the mock, not by this document.
         */
        Fixtures: {
            duet?: {
                [key: string]: unknown;
            };
            devicehq?: {
                [key: string]: unknown;
            };
            rfcx?: {
                [key: string]: unknown;
            };
            emnify?: {
                [key: string]: unknown;
            };
        };
        /** @description How many fixture items were added per provider. */
        FixturesAdded: {
            /** @description Per provider name; any other registered provider adds its own count. */
            added: {
                duet: number;
                devicehq: number;
                rfcx: number;
                emnify: number;
            } & {
                [key: string]: number;
            };
        };
        /** @description The mock clock and each provider's live state (secrets masked, loosely typed). */
        State: {
            /** Format: date-time */
            now: string;
            /** @description One entry per provider, keyed by provider name; each provider's own shape. */
            providers: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
        };
        /** @description The mock clock. */
        Clock: {
            /**
             * Format: date-time
             * @description The mock's current time.
             */
            now: string;
            /** @description How far the mock's clock is ahead of (positive) or behind real time. */
            offset_ms: number;
            /** @description Whether the clock stands still. */
            frozen: boolean;
        };
        /** @description A change to the mock clock; at least one field. */
        ClockChange: {
            /** @description `true` puts the clock back on real time (no offset, not frozen) before the other fields apply. */
            real?: boolean;
            /**
             * @description Move the clock by this ISO 8601 duration: `PT5M` (five minutes), `PT30S`, `PT2H`,
             *     `P1D`, or `-PT5M` to go back. A shorthand such as `5m` is refused with the ISO form to
             *     write instead.
             */
            advance?: string;
            /**
             * Format: date-time
             * @description Jump to this instant.
             */
            set?: string;
            /** @description `true` stops the clock, `false` lets it run again. */
            freeze?: boolean;
        };
        /** @description One logged request. */
        RequestLogEntry: {
            /** Format: date-time */
            time: string;
            method: string;
            path: string;
            /** @description The matched operation, or null when no route matched. */
            operation_id: string | null;
            status: number;
            /** @description How the caller authenticated, e.g. `anonymous`, `none`, `DeviceHQSessionToken`. */
            auth: string;
            /**
             * @description The credential the request carried for the operation's security scheme, masked (first
             *     four and last two characters), whether or not it was accepted; null when it sent none
             *     or the operation needs none.
             */
            credential: {
                /** @description The security scheme's name in the document, e.g. `DeviceHQSessionToken`. */
                scheme: string;
                /** @description The credential, masked. */
                value: string;
            } | null;
            /** @description The whole `X-Mock-Problem` text (compact JSON with `code` and `detail`), or null when there was none. */
            problem: string | null;
            duration_ms: number;
            /**
             * @description The request's headers (names in lower case, repeated ones joined with `, `); the values
             *     of `Authorization`, `Cookie`, credential headers and headers named like a token, key,
             *     secret or password are masked.
             */
            request_headers: {
                [key: string]: string;
            };
            /**
             * @description The parsed request body (JSON or form fields), or null when there was none or the
             *     operation takes none. Strings under secret-named fields, and long strings that are not
             *     an e-mail address or a date, are masked; a body over 8 KiB is replaced by a note.
             */
            request_body: Record<string, never> | unknown[] | string | number | boolean | null;
        };
        /** @description Recent requests, newest first. */
        RequestLog: {
            requests: components["schemas"]["RequestLogEntry"][];
        };
        /** @description A fault to inject. */
        FaultRequest: {
            /** @description The operationId (in authmock.yaml) to affect. */
            operation_id: string;
            /** @description Delay before answering, at most 60 s. */
            latency_ms?: number;
            /** @description Answer this error status instead of running the flow. */
            status?: number;
            /** @description Affect only this many matching requests. */
            times?: number;
            /** @description Chance, 0 to 1, that a matching request is affected. */
            probability?: number;
            /**
             * @description Answer what the operation's provider answers for this reason, as its own flow would:
             *     status, body and headers. Each provider accepts the codes it can produce; any other is
             *     a `400` naming them. DeviceHQ (JSON:API `401`): `auth.missing`, `auth.invalid`,
             *     `auth.expired`, `auth.revoked`. emnify: `auth.missing`, `auth.invalid`, `auth.revoked`
             *     (`401` 1102), `auth.expired` (`401` 1103), `auth.forbidden` (`403` 1104),
             *     `auth.rate_limited` (`429` 1105). RFCx: `auth.missing`, `auth.invalid`, `auth.expired`,
             *     `auth.revoked` (`401 Unauthorized`), `auth.forbidden` (`403`). Duet: `auth.missing`,
             *     `auth.invalid`, `auth.expired`, `auth.revoked` (`401 Unauthorized`).
             */
            problem?: string;
        };
        /** @description An active fault; fields not given at creation are null. */
        Fault: {
            id: string;
            operation_id: string;
            latency_ms: number | null;
            status: number | null;
            /** @description Remaining matching requests to affect, or null for no limit. */
            times: number | null;
            probability: number | null;
            /** @description The provider's answer for this reason, or null. */
            problem: string | null;
        };
        /** @description A credential exactly as the client holds it (token, session, JWT or key). */
        CredentialRequest: {
            credential: string;
        };
        /** @description Which provider held the credential; `expired` or `revoked` says what was done. */
        CredentialEnded: {
            provider: string;
            expired?: boolean;
            revoked?: boolean;
        };
        /** @description A documented response status (or auth outcome) and how many requests reached it. */
        CoverageCount: {
            name: string;
            count: number;
        };
        /** @description One operation's responses and auth outcomes, seen and never seen. */
        OperationCoverage: {
            operation_id: string;
            provider: string;
            method: string;
            path: string;
            requests: number;
            responses: components["schemas"]["CoverageCount"][];
            auth_outcomes: components["schemas"]["CoverageCount"][];
            never_seen: {
                responses: string[];
                auth_outcomes: string[];
            };
        };
        /** @description Coverage per provider operation since the world's last reset. */
        Coverage: {
            /** @description How many operations have a documented response or auth outcome never seen. */
            gaps: number;
            operations: components["schemas"]["OperationCoverage"][];
        };
        /** @description The active faults. */
        FaultList: {
            faults: components["schemas"]["Fault"][];
        };
        /** @description How many faults were removed. */
        FaultsCleared: {
            cleared: number;
        };
        /** @description Options for a new sandbox. */
        SandboxRequest: {
            fixtures?: components["schemas"]["Fixtures"];
        };
        /** @description A newly created sandbox. */
        Sandbox: {
            /** @description A random UUID. */
            id: string;
            /**
             * @description Prefix for provider paths in this sandbox, `/_sandbox/<id>`; starts with `/`, no
             *     trailing slash.
             */
            base_path: string;
            /** @description The sandbox is deleted after this long without a request. */
            expires_idle_ms: number;
        };
        /** @description A sandbox in the list. */
        SandboxSummary: {
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            last_used: string;
        };
        /** @description The sandboxes that exist. */
        SandboxList: {
            sandboxes: components["schemas"]["SandboxSummary"][];
        };
    };
    responses: {
        /** @description No provider of this world holds a live credential like the one sent. */
        NoCredential: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:authmock:problem:state.not_found",
                 *       "title": "No such resource",
                 *       "status": 404,
                 *       "detail": "no live credential of any provider in this world is 'eyJh…' (already ended, expired, or from another world)",
                 *       "code": "state.not_found"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description authmock runs with `--state` and the change could not be written to the state database
         *     (disk full, file made read-only): nothing was changed, in memory or on disk.
         */
        Unwritable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:authmock:problem:state.unwritable",
                 *       "title": "State could not be written",
                 *       "status": 503,
                 *       "detail": "the change could not be written to the state database, so it was not made (SQLITE_FULL)",
                 *       "code": "state.unwritable"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The fixtures would make the sandbox's state larger than the per-sandbox limit (1 MiB of JSON). */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:authmock:problem:request.body_too_large",
                 *       "title": "Request body too large",
                 *       "status": 413,
                 *       "detail": "the sandbox's fixtures are 2097152 bytes; the limit per sandbox is 1048576 bytes",
                 *       "code": "request.body_too_large"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description authmock runs with `--admin-token` and the request carried no `Authorization: Bearer`
         *     header, or a different secret.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:authmock:problem:admin.unauthorized",
                 *       "title": "Admin token required",
                 *       "status": 401,
                 *       "detail": "Send Authorization: Bearer <admin token>",
                 *       "code": "admin.unauthorized"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The request does not match this operation: the body is not JSON, not an object, misses a
         *     required field, has an unknown field or a value out of range, or a query parameter is out
         *     of range.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "urn:authmock:problem:request.body_invalid",
                 *       "title": "Request body does not match the document",
                 *       "status": 400,
                 *       "detail": "/advance must match format \"duration\"",
                 *       "code": "request.body_invalid"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The mock clock after the call. */
        Clock: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "now": "2023-11-14T09:35:00.000Z",
                 *       "offset_ms": 300000,
                 *       "frozen": true
                 *     }
                 */
                "application/json": components["schemas"]["Clock"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    adminHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "uptime_ms": 81234.5,
                     *       "version": "0.1.0"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    adminReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything was reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reset": true
                     *     }
                     */
                    "application/json": components["schemas"]["ResetResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unwritable"];
        };
    };
    adminAddFixtures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description One optional section per provider; each section's shape is the provider's fixture schema. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "duet": {},
                 *       "emnify": {}
                 *     }
                 */
                "application/json": components["schemas"]["Fixtures"];
            };
        };
        responses: {
            /** @description The fixtures were added; `added` counts the items per provider. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "added": {
                     *         "duet": 0,
                     *         "devicehq": 0,
                     *         "rfcx": 0,
                     *         "emnify": 0
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["FixturesAdded"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            /**
             * @description A provider section does not match that provider's fixture schema, or conflicts with
             *     the current state (for example an account login that already exists). Nothing was
             *     added.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:authmock:problem:validation.failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "devicehq section does not match the provider's fixture schema",
                     *       "code": "validation.failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Unwritable"];
        };
    };
    adminGetState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "now": "2023-11-14T09:30:00.000Z",
                     *       "providers": {
                     *         "duet": {},
                     *         "devicehq": {},
                     *         "rfcx": {},
                     *         "emnify": {}
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["State"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    adminGetClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            401: components["responses"]["Unauthorized"];
        };
    };
    adminSetClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description At least one of `advance`, `set`, `freeze`. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockChange"];
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unwritable"];
        };
    };
    adminListRequests: {
        parameters: {
            query?: {
                /**
                 * @description How many requests to return, 1 to 1000.
                 * @example 50
                 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The most recent requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "requests": [
                     *         {
                     *           "time": "2023-11-14T09:30:00.000Z",
                     *           "method": "GET",
                     *           "path": "/devicehq/api/v2/test",
                     *           "operation_id": "devicehqTest",
                     *           "status": 401,
                     *           "auth": "failed:auth.expired",
                     *           "credential": {
                     *             "scheme": "DeviceHQSessionToken",
                     *             "value": "ZQ3r…8w"
                     *           },
                     *           "problem": "{\"code\":\"auth.expired\",\"detail\":\"session expired 60 s ago\"}",
                     *           "duration_ms": 1.8,
                     *           "request_headers": {
                     *             "host": "127.0.0.1:4010",
                     *             "x-auth-token": "ZQ3r…8w"
                     *           },
                     *           "request_body": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RequestLog"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    adminListFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active faults. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "faults": [
                     *         {
                     *           "id": "f-1",
                     *           "operation_id": "emnifyAuthenticate",
                     *           "latency_ms": 250,
                     *           "status": null,
                     *           "times": null,
                     *           "probability": 0.5,
                     *           "problem": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    adminAddFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The fault; `operation_id` must name an operation of authmock.yaml. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "operation_id": "emnifyAuthenticate",
                 *       "status": 503,
                 *       "times": 2
                 *     }
                 */
                "application/json": components["schemas"]["FaultRequest"];
            };
        };
        responses: {
            /** @description The fault is active. Fields that were not given are `null`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "f-1",
                     *       "operation_id": "emnifyAuthenticate",
                     *       "latency_ms": null,
                     *       "status": 503,
                     *       "times": 2,
                     *       "probability": null,
                     *       "problem": null
                     *     }
                     */
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `operation_id` names no operation of authmock.yaml. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:authmock:problem:state.not_found",
                     *       "title": "No such resource",
                     *       "status": 404,
                     *       "detail": "No operation with operationId \"emnifyAuthentcate\"",
                     *       "code": "state.not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminClearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All faults were removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cleared": 1
                     *     }
                     */
                    "application/json": components["schemas"]["FaultsCleared"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    adminExpireCredential: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "credential": "eyJhbGciOiJIUzM4NCJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJl"
                 *     }
                 */
                "application/json": components["schemas"]["CredentialRequest"];
            };
        };
        responses: {
            /** @description The credential has expired. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "provider": "emnify",
                     *       "expired": true
                     *     }
                     */
                    "application/json": components["schemas"]["CredentialEnded"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NoCredential"];
            503: components["responses"]["Unwritable"];
        };
    };
    adminRevokeCredential: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "credential": "ZQ3rT0kenS3ss8w"
                 *     }
                 */
                "application/json": components["schemas"]["CredentialRequest"];
            };
        };
        responses: {
            /** @description The credential is revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "provider": "devicehq",
                     *       "revoked": true
                     *     }
                     */
                    "application/json": components["schemas"]["CredentialEnded"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NoCredential"];
            503: components["responses"]["Unwritable"];
        };
    };
    adminGetCoverage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Coverage per operation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "gaps": 1,
                     *       "operations": [
                     *         {
                     *           "operation_id": "emnifyListEndpoints",
                     *           "provider": "emnify",
                     *           "method": "GET",
                     *           "path": "/emnify/api/v1/endpoint",
                     *           "requests": 3,
                     *           "responses": [
                     *             {
                     *               "name": "200",
                     *               "count": 2
                     *             },
                     *             {
                     *               "name": "401",
                     *               "count": 1
                     *             }
                     *           ],
                     *           "auth_outcomes": [
                     *             {
                     *               "name": "ok",
                     *               "count": 2
                     *             },
                     *             {
                     *               "name": "missing",
                     *               "count": 0
                     *             },
                     *             {
                     *               "name": "expired",
                     *               "count": 1
                     *             }
                     *           ],
                     *           "never_seen": {
                     *             "responses": [],
                     *             "auth_outcomes": [
                     *               "missing"
                     *             ]
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Coverage"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    adminListSandboxes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandboxes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sandboxes": [
                     *         {
                     *           "id": "3f2b8c1e-9d4a-4e7b-a6c5-2d1f0e9b8a76",
                     *           "created": "2023-11-14T09:00:00.000Z",
                     *           "last_used": "2023-11-14T09:29:58.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SandboxList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    adminCreateSandbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Optional fixtures to seed the sandbox with instead of the loaded ones (same shape as `POST /__admin/fixtures`). */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "fixtures": {
                 *         "devicehq": {}
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["SandboxRequest"];
            };
        };
        responses: {
            /** @description The sandbox exists. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f2b8c1e-9d4a-4e7b-a6c5-2d1f0e9b8a76",
                     *       "base_path": "/_sandbox/3f2b8c1e-9d4a-4e7b-a6c5-2d1f0e9b8a76",
                     *       "expires_idle_ms": 900000
                     *     }
                     */
                    "application/json": components["schemas"]["Sandbox"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            /** @description The server already holds its maximum number of sandboxes, or their memory budget is used up; delete one first. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:authmock:problem:admin.limit",
                     *       "title": "Limit reached",
                     *       "status": 429,
                     *       "detail": "At most 50 sandboxes may exist at once",
                     *       "code": "admin.limit"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Unwritable"];
        };
    };
    adminDeleteSandbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The sandbox `id` returned at creation.
                 * @example 3f2b8c1e-9d4a-4e7b-a6c5-2d1f0e9b8a76
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. No body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description No sandbox has this `id` (never created, already deleted, or expired). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:authmock:problem:state.not_found",
                     *       "title": "No such resource",
                     *       "status": 404,
                     *       "detail": "no such sandbox",
                     *       "code": "state.not_found"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Unwritable"];
        };
    };
}
