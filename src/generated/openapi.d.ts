// Generated from openapi/authmock.yaml by scripts/gen-types.mjs (openapi-typescript); do not edit by hand.
export interface paths {
    "/duet/1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Test application-level authentication
         * @description Checks the `X-Application-Token` header alone and answers the plain text
         *     `Welcome to the Duet API`. Use it to confirm an application token before creating or
         *     signing in to an account. No account token is needed.
         */
        get: operations["duetTestApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duet/1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the signed-in account
         * @description Returns the account whose `authentication_token` is sent in `X-Account-Token`
         *     (`1/get/account.markdown`): the account object, top level. Needs both the application token
         *     and the account token.
         */
        get: operations["duetGetAccount"];
        put?: never;
        /**
         * Create an account
         * @description Creates an account (docs repo `duet/duet.github.com`, `1/post/account.markdown`). No account
         *     token is needed, only the application token. Creating an account does not sign it in: call
         *     `POST /duet/1/account/sign_in` next with its email or phone as `account[login]`.
         *
         *     The page sends `account[image]` as a file upload (png, jpg or gif), so the request is
         *     `multipart/form-data`; without an image the same fields may be form-encoded or nested JSON.
         *     The answer is the account object, top level, as `GET /duet/1/account` gives it; until an image
         *     is uploaded its `image` holds the default image URLs.
         */
        post: operations["duetCreateAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duet/1/account/sign_in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in and get the account token
         * @description Exchanges `account[login]` (the account's email or phone) and `account[password]` for the
         *     account's `authentication_token` (60 alphanumerics), to be sent as `X-Account-Token` on
         *     account-level methods (`1/post/account/sign_in.markdown`). Signing in again returns the same
         *     token: account tokens do not expire. Needs the application token.
         *
         *     The answer's wrapper differs between versions of the Duet docs: the sign-in page shows
         *     `{"account":{"authentication_token":...}}`, which the mock sends; the docs' `_config.yml`
         *     example is the bare `{"authentication_token":...}`. Fixtures setting
         *     `duet.settings.sign_in_wrapper: none` switches the mock to the bare form.
         */
        post: operations["duetSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duet/1/account/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update the account
         * @description Updates the signed-in account's basic information (`1/post/account/update.markdown`): only the
         *     fields sent change. Not the password (`change_password`) and not the image (`image`). Answers
         *     the account object. Changing `email` or `phone` changes what `account[login]` signs in with.
         */
        post: operations["duetUpdateAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duet/1/account/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the account image
         * @description Sets the signed-in account's profile photo (`1/post/account/image.markdown`) from the file
         *     upload `account[image]` (png, jpg or gif), so the request is `multipart/form-data`. Answers the
         *     account object, whose `image` URLs now name the upload's versions. The mock keeps the file's
         *     name, type and size only, never its bytes.
         */
        post: operations["duetUpdateAccountImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duet/1/account/change_password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the account password
         * @description Replaces the signed-in account's password (`1/post/account/change_password.markdown`) with
         *     `account[password]`, given twice; the current password is not asked for. Answers the account
         *     object. The old password stops signing in; the account token stays valid (the answer carries
         *     no new one).
         */
        post: operations["duetChangePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/duet/1/account/privacy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the account's privacy settings
         * @description The signed-in account's privacy settings (`1/get/account/privacy.markdown`):
         *     `promenade_sharing` and `maximum_privacy`, both `false` for a new account. The object is top
         *     level, as the same version of the docs' `_config.yml` gives the account object; a later
         *     version wraps it in `account`.
         */
        get: operations["duetGetPrivacy"];
        put?: never;
        /**
         * Change the account's privacy settings
         * @description Changes the signed-in account's privacy settings (`1/post/account/privacy.markdown`) and
         *     answers them. With `maximum_privacy` set, `promenade_sharing` is `false` whatever was sent.
         *     Values are cast as a Rails 3 boolean column does: `1`, `t`, `true` (and `T`, `TRUE`) are true,
         *     any other value false; a field not sent (or blank) keeps its value.
         */
        post: operations["duetUpdatePrivacy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devicehq/api/v2/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Open a session with the account API key (PUT)
         * @description Same as `POST /devicehq/api/v2/session`: exchanges the account API key, sent in exactly
         *     one of `X-API-KEY`, `?api_key=` or the JSON body `{"api_key": "..."}` (the body is the
         *     empty `{}` security alternative), for a session token, closing the account's previous
         *     session. `Content-Length` is not required on `PUT`.
         */
        put: operations["devicehqCreateSessionPut"];
        /**
         * Open a session with the account API key
         * @description Exchanges the account API key for a session token. Send the key in exactly one place:
         *     the `X-API-KEY` header, the `api_key` query parameter, or the JSON body
         *     `{"api_key": "..."}` (the body is the third, empty `{}` security alternative: OpenAPI
         *     cannot name a body field as a credential, so the operation also allows no scheme and the
         *     mock reads the key from the body). `Content-Length` is required on `POST`
         *     (`Content-Length: 0` without a body). Opening a session closes the account's previous
         *     session: its token stops working at once.
         */
        post: operations["devicehqCreateSession"];
        /**
         * Close the session
         * @description Closes the session whose token is sent in `X-AUTH-TOKEN` or `?token=`. The token stops
         *     working immediately; the account may open a new session at any time.
         */
        delete: operations["devicehqCloseSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devicehq/api/v2/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API information (no authentication)
         * @description Returns the API version and the server time. Needs no credentials; a session token sent
         *     anyway is ignored and does not extend the session.
         */
        get: operations["devicehqInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devicehq/api/v2/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Test the session token
         * @description Answers `OK` with the server time when the session token (`X-AUTH-TOKEN` or `?token=`) is
         *     valid. Like every authenticated request it extends the session by 5 minutes.
         */
        get: operations["devicehqTest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devicehq/api/v2/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the account's devices
         * @description Lists the account's devices as JSON:API resources, `limit` at a time starting after
         *     `skip`; `meta.total` counts all of them. Needs a session token; extends the session by
         *     5 minutes.
         */
        get: operations["devicehqListDevices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rfcx/v1/users/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a person in and get a user token
         * @description Legacy user login. Exchanges an email address and password for a `user` token: send it
         *     afterwards as `x-auth-user: user/<guid>` and `x-auth-token: <token>`. The token lives
         *     1440 minutes, or 5760 minutes when `extended_expiration` reads as 1 with JavaScript's
         *     `parseInt` (`1`, `"1"`); anything else (`true`, `0`, absent) gives 1440 and is never a
         *     `400`. The answer is an array holding exactly one user, with `last_login_at` set to this
         *     login. No credentials needed. (RFCx `noncore/v1/users/users.js` and
         *     `views/v1/models/users.js` before its user tokens were removed.)
         */
        post: operations["rfcxUserLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rfcx/v1/users/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a person out
         * @description Removes the tokens of the user whose guid the credentials carry and answers how many were
         *     removed; they stop working at once. Any credential the path rules let through is
         *     accepted (no user-type check, as in RFCx); when its guid is no user's (a temporary token,
         *     say) the answer is `404`. Credentials as `x-auth-user` / `x-auth-token` headers,
         *     `auth_user` / `auth_token` query parameters, or the same two names as form or JSON body
         *     fields.
         */
        post: operations["rfcxUserLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rfcx/v2/guardians/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a guardian with an invite code
         * @description Registers a guardian device and returns its credentials. Usually called with an invite
         *     code, sent whole: `x-auth-user: register` and `x-auth-token: ab12cd34`; the server splits
         *     the code itself (first half the invite's guid, second half its secret, case-insensitive).
         *     The old split form (`register/ab12` + `cd34`) reads `cd34` as the code and gets `401`.
         *     Every successful request with an invite counts one redemption; past the code's
         *     `allowed_redemptions` it fails with `401`. There is no user-type check beyond the
         *     credential itself.
         *
         *     A find-or-create on the lower-cased `guid`: registering a guid that already exists
         *     answers `200` and replaces its token (and PIN and name), which is how a reset guardian
         *     enrols again. `token` and `pin_code` are generated when absent; `shortname` names the
         *     guardian (default `RFCx Guardian (<first 6 of guid, upper case>)`). The answer also holds
         *     the MQTT host, SMS address and keystore passphrase the guardian needs (set in the
         *     fixtures' `rfcx.guardian_settings`). (RFCx `noncore/v2/guardians/guardians.js`,
         *     `guardians-service.js`.)
         */
        post: operations["rfcxRegisterGuardian"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rfcx/v1/guardians/{guid}/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a guardian check-in
         * @description A guardian reports in; the check-in is recorded for the guardian the path names. Any
         *     credential the path rules let through is accepted: a guardian's token works only on its
         *     own paths, exactly `/v1/guardians/<its guid>/checkins` (no trailing slash; another
         *     guardian's path gets `401`); a `user` or temporary token works here unless its allowed
         *     paths exclude it. An unknown guardian in the path is `404`.
         */
        post: operations["rfcxGuardianCheckin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rfcx/v1/guardians/{guid}/software/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the software a guardian should run
         * @description Lists the current software release for the given role. Any credential the path rules let
         *     through is accepted: a guardian's token only on its own path (another guardian's path
         *     gets `401`), a `user` or temporary token unless its allowed paths exclude it.
         */
        get: operations["rfcxGuardianSoftware"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rfcx/v2/guardians/{guid}/pings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a guardian ping
         * @description A lightweight "still alive" for the guardian the path names, optionally with its battery
         *     level. Any credential the path rules let through is accepted: a guardian's token only on
         *     exactly `/v2/guardians/<its guid>/pings` (another guardian's path gets `401`), a `user` or
         *     temporary token unless its allowed paths exclude it. An unknown guardian is `404`.
         */
        post: operations["rfcxGuardianPing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emnify/api/v1/authenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a JWT auth_token
         * @description Exchanges exactly one credential set for a JWT `auth_token`, to be sent as
         *     `Authorization: Bearer <auth_token>`:
         *     - `username` + `password` (the password as a SHA-1 hex string) also returns a
         *       `refresh_token`; the `auth_token` lives 240 minutes, as emnify's authentication page
         *       says;
         *     - `application_token` returns the `auth_token` only; it lives 7 days (604800 s), as in
         *       the traffic recorded by emnify's official Python SDK (`tests/fixtures/cassettes`);
         *     - `refresh_token` returns the `auth_token` only (240 minutes), also after the previous
         *       `auth_token` expired; the refresh token itself is not rotated.
         *
         *     The sources disagree on the application-token lifetime: emnify's page says 240 minutes
         *     for every `auth_token`, the recorded traffic shows 7 days. authmock follows the recorded
         *     traffic; the fixtures' `emnify.jwt.application_auth_token_ttl_seconds: 14400` (or
         *     `--emnify-app-jwt-ttl 14400`) gives the page's 240 minutes. The user lifetime is
         *     `emnify.jwt.auth_token_ttl_seconds` / `--emnify-user-jwt-ttl`.
         *
         *     Tokens are JWTs as recorded: header `{"alg":"HS384"}` (no `typ`), claims `aud`
         *     (`/api/v1/authentication`), `iss` (`authmock001@spc-frontend`, recorded
         *     `spc-frontend001@spc-frontend`), `iat`, `exp`, `esc.app` (application-token logins),
         *     `esc.org` and `esc.orgName`, plus authmock's own `sub`, `esc.user`, `jti`, `token_use`
         *     and `authmock.world`. The signing key is part of the mock's state: with `--state`,
         *     tokens issued before a restart keep working after it; `POST /__admin/reset` forgets it
         *     (and so every token issued since) unless the fixtures' `emnify.jwt.secret` or
         *     `--jwt-secret` pins it.
         *
         *     No credentials are needed; an `Authorization` header sent anyway (the official Python SDK
         *     sends `Bearer None`) is ignored.
         */
        post: operations["emnifyAuthenticate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emnify/api/v1/application_token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List application tokens
         * @description Lists the organisation's application tokens, active and revoked, without their secret
         *     values. Needs a bearer `auth_token`.
         */
        get: operations["emnifyListApplicationTokens"];
        put?: never;
        /**
         * Create an application token
         * @description Creates an application token that `POST /emnify/api/v1/authenticate` accepts instead of
         *     user credentials. The secret is returned only here. `description` usually says who uses
         *     the token; `expiry_date` ends it; `ip` limits it to a CIDR range. Needs a bearer
         *     `auth_token`.
         */
        post: operations["emnifyCreateApplicationToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/emnify/api/v1/application_token/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Revoke (or re-activate) an application token
         * @description Sets an application token's status: `{"status":{"id":1}}` revokes it (`0` = Activated,
         *     `1` = Revoked), and may change its description. Revoking is final: a revoked token
         *     cannot be set back to `0` (`422`). A revoked token no longer authenticates;
         *     `auth_token`s already issued from it stay valid until they expire. Needs a bearer
         *     `auth_token`.
         */
        patch: operations["emnifyUpdateApplicationToken"];
        trace?: never;
    };
    "/emnify/api/v1/endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List endpoints (devices)
         * @description Lists the organisation's endpoints (devices) by `id`, one page at a time. The paging
         *     headers say how many pages there are; clients page until `page` equals `X-Total-Pages`.
         *     `X-Sort: id` says the order, as in the recorded traffic. Dates are written
         *     `2021-11-18T08:25:53.000+0000`, as emnify does. Needs a bearer `auth_token`.
         */
        get: operations["emnifyListEndpoints"];
        put?: never;
        post?: never;
        delete?: never;
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
         * @description The fixed greeting of `GET /duet/1`.
         * @example Welcome to the Duet API
         * @constant
         */
        DuetWelcome: "Welcome to the Duet API";
        /**
         * @description The plain-text body of a Duet `401` when it is not empty.
         * @example 401 Unauthorized
         * @constant
         */
        DuetUnauthorizedText: "401 Unauthorized";
        /**
         * @description Duet's validation error body: each invalid field maps to one or more human-readable
         *     messages (Rails style).
         * @example {
         *       "errors": {
         *         "email": [
         *           "can't be blank"
         *         ]
         *       }
         *     }
         */
        DuetValidationErrors: {
            errors: {
                [key: string]: string[];
            };
        };
        /**
         * Format: binary
         * @description A png, jpg or gif file part of a `multipart/form-data` body. The mock validates it as its
         *     file name and keeps its name, type and size only.
         */
        DuetImageUpload: string;
        /**
         * @description Parameters of `POST /duet/1/account` (`1/post/account.markdown`; `last_name`, `gender`
         *     and `born_on` from the page's earlier version). The same nested shape for multipart, the
         *     form (`account[email]=...`, brackets turned into nesting by the mock) and JSON. Which
         *     fields are required is checked by the mock itself, so that every missing field is
         *     reported at once, as Rails does (an empty body too).
         */
        DuetCreateAccountRequest: {
            account?: {
                /** @description Required. */
                first_name?: string;
                /** @description Optional. */
                last_name?: string;
                /** @description Required; an email address not used by another account. Signs in as `account[login]`. */
                email?: string;
                /** @description Required; at least 8 characters. */
                password?: string;
                /** @description Optional; when given it must equal `password`. */
                password_confirmation?: string;
                /** @description Required; 7 to 15 digits (spaces, dashes, dots, brackets and a leading `+` allowed), not used by another account. Also signs in as `account[login]`. */
                phone?: string;
                /** @description Optional; `m` or `f`. */
                gender?: string;
                /** @description Optional; `YYYY-MM-DD`. */
                born_on?: string;
                image?: components["schemas"]["DuetImageUpload"];
            };
        };
        /** @description Parameters of `POST /duet/1/account/update`; only the fields sent change. */
        DuetUpdateAccountRequest: {
            account?: {
                first_name?: string;
                last_name?: string;
                email?: string;
                phone?: string;
                /** @description `m` or `f`; blank clears it. */
                gender?: string;
                /** @description `YYYY-MM-DD`; blank clears it. */
                born_on?: string;
            };
        };
        /** @description Parameters of `POST /duet/1/account/image`. */
        DuetAccountImageRequest: {
            account: {
                image?: components["schemas"]["DuetImageUpload"];
            };
        };
        /**
         * @description Parameters of `POST /duet/1/account/sign_in` (JSON, or the bracketed form keys nested).
         *     Both are needed; without either the answer is `401`, as for a wrong password.
         */
        DuetSignInRequest: {
            account?: {
                /** @description The account's email address or phone number. */
                login?: string;
                password?: string;
            };
        };
        /** @description Parameters of `POST /duet/1/account/change_password` (JSON, or the bracketed form keys nested). */
        DuetChangePasswordRequest: {
            account: {
                /** @description The new password, at least 8 characters. */
                password?: string;
                /** @description The new password again; must equal `password`. */
                password_confirmation?: string;
            };
        };
        /** @description Parameters of `POST /duet/1/account/privacy`; each `1` or `0` (or a JSON boolean). */
        DuetPrivacyRequest: {
            account?: {
                maximum_privacy?: string | boolean | number;
                promenade_sharing?: string | boolean | number;
            };
        };
        /**
         * @description The account image's versions (`_config.yml` `resources.account.basic`): the default
         *     image's URLs until one is uploaded, then the upload's.
         */
        DuetImage: {
            /** Format: uri */
            original: string;
            /** Format: uri */
            mini: string;
            /** Format: uri */
            medium: string;
            /** Format: uri */
            small: string;
        };
        /**
         * @description The account object (docs repo `duet/duet.github.com`, `_config.yml`
         *     `resources.account.basic`), top level, not wrapped: what `GET /duet/1/account`,
         *     `POST /duet/1/account`, `update`, `image` and `change_password` answer. Fields not set
         *     are `null`.
         */
        DuetAccount: {
            id: number;
            first_name: string | null;
            last_name: string | null;
            email: string | null;
            phone: string | null;
            /** @enum {unknown} */
            gender: "m" | "f" | null;
            /** @description `YYYY-MM-DD`. */
            born_on: string | null;
            image: components["schemas"]["DuetImage"];
        };
        /** @description The account's privacy settings (`_config.yml` `resources.account.privacy`), top level. */
        DuetPrivacy: {
            promenade_sharing: boolean;
            maximum_privacy: boolean;
        };
        /**
         * @description The result of a sign-in, holding the value for `X-Account-Token`: wrapped in `account`
         *     as the sign-in page shows (default), or bare as the docs' `_config.yml` shows (fixtures
         *     setting `duet.settings.sign_in_wrapper: none`).
         */
        DuetSignInResponse: {
            account: {
                authentication_token: components["schemas"]["DuetAuthenticationToken"];
            };
        } | {
            authentication_token: components["schemas"]["DuetAuthenticationToken"];
        };
        /** @description The account token, 60 alphanumeric characters; never expires. */
        DuetAuthenticationToken: string;
        /**
         * @description A JSON:API error document, DeviceHQ's format for every error.
         * @example {
         *       "errors": [
         *         {
         *           "detail": "Invalid API key"
         *         }
         *       ]
         *     }
         */
        DeviceHqErrors: {
            errors: {
                /** @description Human-readable explanation. */
                detail: string;
                /** @description The HTTP status code, as a string. */
                status?: string;
                /** @description Short summary of the problem type. */
                title?: string;
            }[];
        };
        /** @description The JSON:API version object DeviceHQ nests inside `meta`. */
        DeviceHqJsonApiVersion: {
            /** @constant */
            version: "1.0";
        };
        /** @description The optional JSON body of a session request. */
        DeviceHqCreateSessionRequest: {
            /** @description The account API key. */
            api_key: string;
        };
        /** @description A newly opened session. */
        DeviceHqSession: {
            meta: {
                /** @description The session token, 14 alphanumeric characters. */
                token: string;
                /**
                 * Format: date-time
                 * @description When the session expires unless another request extends it.
                 */
                expires: string;
                jsonapi: components["schemas"]["DeviceHqJsonApiVersion"];
            };
        };
        /** @description Confirmation that the session is closed. */
        DeviceHqSessionClosed: {
            meta: {
                /** @constant */
                message: "Session closed";
            };
        };
        /** @description API information. */
        DeviceHqInfo: {
            meta: {
                /** @constant */
                api_version: "2";
                /** Format: date-time */
                server_time: string;
                jsonapi: components["schemas"]["DeviceHqJsonApiVersion"];
            };
        };
        /** @description The answer of the session test route. */
        DeviceHqTestResult: {
            meta: {
                /** @constant */
                message: "OK";
                /** Format: date-time */
                timestamp: string;
            };
        };
        /**
         * @description A device as a JSON:API resource object. `attributes` may carry more fields than the four
         *     listed (the real API sends more).
         */
        DeviceHqDevice: {
            id: string;
            /** @constant */
            type: "devices";
            attributes: {
                name: string;
                serial: string;
                /** @description The device's connection state as DeviceHQ reports it, e.g. `online`. */
                status: string;
                /** Format: date-time */
                created_at: string;
            };
        };
        /** @description One page of the account's devices. */
        DeviceHqDeviceList: {
            data: components["schemas"]["DeviceHqDevice"][];
            meta: {
                /** @description How many devices the account has in all. */
                total: number;
            };
        };
        /**
         * @description The plain-text body of every RFCx credential failure.
         * @example Unauthorized
         * @constant
         */
        RfcxUnauthorizedText: "Unauthorized";
        /** @description RFCx's validation error. */
        RfcxBadRequestError: {
            message: string;
            error: {
                /** @constant */
                status: 400;
            };
        };
        /**
         * @description RFCx's JSON error body for any other refusal: a message and the HTTP status again in
         *     `error.status`.
         * @example {
         *       "message": "Content-Type text/plain is not accepted here; send application/json",
         *       "error": {
         *         "status": 415
         *       }
         *     }
         */
        RfcxError: {
            message: string;
            error: {
                status: number;
            };
        };
        /** @description RFCx's answer to a wrong email or password at login. */
        RfcxLoginFailedError: {
            /** @constant */
            message: "invalid email or password";
            error: {
                /** @constant */
                status: 401;
            };
        };
        /**
         * @description A generated RFCx token, 40 lower-case base-36 characters.
         * @example 5ffd69500c83b9d948f5d0852538b5b983453182
         */
        RfcxToken: string;
        /**
         * @description A guardian guid, 12 lower-case base-36 characters.
         * @example df72c626229f
         */
        RfcxGuardianGuid: string;
        /**
         * @description RFCx credentials sent as body fields (form, JSON or multipart) instead of the
         *     `x-auth-user` / `x-auth-token` headers or the `auth_user` / `auth_token` query parameters.
         *     Header values win over query and body for the identity; for the token, header wins over
         *     body, and body over query.
         */
        RfcxBodyCredentials: {
            /** @description The identity, `<user_type>/<user_guid>`. */
            auth_user?: string;
            /** @description The token for that identity. */
            auth_token?: string;
        };
        /** @description Login parameters. */
        RfcxLoginRequest: {
            /** Format: email */
            email: string;
            password: string;
            /**
             * @description Read with JavaScript's `parseInt`: a value that parses as 1 (`1`, `"1"`) makes the
             *     token live 5760 minutes instead of 1440; any other value (`true`, `0`, `"yes"`) gives
             *     1440 and is never refused. Forms send a string; JSON may send anything.
             * @example 1
             */
            extended_expiration?: unknown;
        };
        /** @description A user token and when it expires. */
        RfcxUserToken: {
            token: components["schemas"]["RfcxToken"];
            /** Format: date-time */
            token_expires_at: string;
        };
        /** @description The user returned by login, with the fields of RFCx's `views/v1/models/users.js`. */
        RfcxLoggedInUser: {
            /** @description The user's guid, used in `x-auth-user: user/<guid>`. */
            guid: string;
            /** @description The legacy user model's free-form type; null when unset. */
            type: string | null;
            /** @description null when the user has none. */
            username: string | null;
            firstname: string;
            lastname: string;
            /** Format: email */
            email: string;
            is_email_validated: boolean;
            /**
             * Format: date-time
             * @description When this login happened (RFCx saves it before answering).
             */
            last_login_at: string | null;
            tokens: components["schemas"]["RfcxUserToken"][];
        };
        /** @description Login answer, an array holding exactly one user. */
        RfcxLoginResponse: components["schemas"]["RfcxLoggedInUser"][];
        /** @description Logout answer. */
        RfcxLogoutResponse: {
            tokens_removed: number;
        };
        /** @description The guardian to register (plus optional body credentials). */
        RfcxRegisterGuardianRequest: components["schemas"]["RfcxBodyCredentials"] & {
            /** @description The guardian's guid, 12 base-36 characters; lower-cased by the server. */
            guid: string;
            /** @description The guardian's token; generated when absent. */
            token?: components["schemas"]["RfcxToken"];
            /** @description The guardian's PIN; 4 random base-36 characters when absent. */
            pin_code?: string;
            /** @description The guardian's name; default `RFCx Guardian (<first 6 of guid, upper case>)`. */
            shortname?: string;
        };
        /** @description A registered guardian's credentials and settings, the fields of RFCx's answer. */
        RfcxRegisteredGuardian: {
            name: string;
            guid: components["schemas"]["RfcxGuardianGuid"];
            token: components["schemas"]["RfcxToken"];
            /** @description The PIN given at registration, or 4 generated base-36 characters. */
            pin_code: string;
            /** @description The MQTT broker the guardian sends check-ins and pings to. */
            api_mqtt_host: string;
            /** @description The phone number for SMS-based interaction with the guardian. */
            api_sms_address: string;
            /** @description The passphrase of the certificate keystore for the MQTT broker's secure connections. */
            keystore_passphrase: string;
        };
        /** @description A check-in (plus optional body credentials). */
        RfcxCheckinRequest: components["schemas"]["RfcxBodyCredentials"] & {
            /** @description Free-form check-in metadata as the guardian encodes it. */
            meta?: string;
        };
        /** @description Acknowledgement of a check-in. */
        RfcxCheckinReceipt: {
            checkin_id: string;
            /** Format: date-time */
            received_at: string;
        };
        /** @description One software release for a guardian role. */
        RfcxSoftwareRelease: {
            /** @enum {string} */
            role: "guardian" | "admin" | "updater" | "classify";
            version: string;
            /** @description SHA-1 of the release file, lower-case hex. */
            sha1: string;
            /** Format: uri */
            url: string;
        };
        /** @description The releases for a role. */
        RfcxSoftwareList: components["schemas"]["RfcxSoftwareRelease"][];
        /** @description A ping (plus optional body credentials). */
        RfcxPingRequest: components["schemas"]["RfcxBodyCredentials"] & {
            /** @description Battery level in percent. */
            battery?: number;
        };
        /** @description Acknowledgement of a ping. */
        RfcxPingReceipt: {
            /** @constant */
            received: true;
            guid: components["schemas"]["RfcxGuardianGuid"];
        };
        /**
         * @description emnify's error body. Codes: 1101 `InvalidCredentials`, 1102 `InvalidToken`, 1103
         *     `TokenExpired` (401), 1104 `Forbidden` (403), 1105 `TooManyRequests` (429); other
         *     failures carry their HTTP status as the code.
         * @example {
         *       "error_code": 1102,
         *       "error_token": "InvalidToken",
         *       "message": "Invalid token"
         *     }
         */
        EmnifyError: {
            error_code: number;
            error_token: string;
            message: string;
        };
        /** @description The answer to a bearer value that is not a three-part JWT. */
        EmnifyMalformedTokenError: {
            /** @constant */
            message: "token contains an invalid number of segments";
        };
        /** @description A `401` body on a bearer-protected route, in one of emnify's two shapes. */
        EmnifyUnauthorizedError: components["schemas"]["EmnifyError"] | components["schemas"]["EmnifyMalformedTokenError"];
        /** @description emnify's validation error; `errors` lists the offending fields when known. */
        EmnifyValidationError: {
            error_code: number;
            /** @constant */
            error_token: "ValidationError";
            message: string;
            errors?: {
                /** @description The offending field, dotted for nested ones. */
                property?: string;
                message?: string;
            }[];
        };
        /**
         * @description A time as emnify writes it (recorded in the official Python SDK's cassettes): UTC with
         *     milliseconds and a `+0000` offset instead of `Z`. Not RFC 3339 `date-time` (the offset
         *     has no colon), so it is checked by pattern.
         * @example 2021-11-18T08:25:53.000+0000
         */
        EmnifyTimestamp: string;
        /** @description A compact JWS (three base64url segments), e.g. an `auth_token`. */
        EmnifyJwt: string;
        /** @description Log in with the portal user's name and SHA-1-hashed password. */
        EmnifyUserCredentials: {
            /** @description Usually the email address used to sign up. */
            username: string;
            /** @description SHA-1 of the password, 40 lower-case hex characters (`echo -n 'pw' | openssl sha1`). */
            password: string;
        };
        /** @description Log in with an application token. */
        EmnifyApplicationTokenCredentials: {
            application_token: string;
        };
        /** @description Get a new `auth_token` with the refresh token from a user-credential login. */
        EmnifyRefreshTokenCredentials: {
            refresh_token: string;
        };
        /** @description Exactly one of the three credential sets. */
        EmnifyAuthenticateRequest: components["schemas"]["EmnifyUserCredentials"] | components["schemas"]["EmnifyApplicationTokenCredentials"] | components["schemas"]["EmnifyRefreshTokenCredentials"];
        /** @description The tokens issued by `POST /emnify/api/v1/authenticate`. */
        EmnifyAuthTokens: {
            auth_token: components["schemas"]["EmnifyJwt"];
            refresh_token?: components["schemas"]["EmnifyJwt"];
        };
        /**
         * @description An IPv4 or IPv6 CIDR range, e.g. `192.0.2.0/24`.
         * @example 192.0.2.0/24
         */
        EmnifyCidr: string;
        /** @description An application token's status; `0` Activated, `1` Revoked. */
        EmnifyApplicationTokenStatus: {
            /** @constant */
            id: 0;
            /** @constant */
            description: "Activated";
        } | {
            /** @constant */
            id: 1;
            /** @constant */
            description: "Revoked";
        };
        /** @description An application token as listed (its secret is never shown again). */
        EmnifyApplicationToken: {
            id: number;
            description: string | null;
            created: components["schemas"]["EmnifyTimestamp"];
            status: components["schemas"]["EmnifyApplicationTokenStatus"];
            /** @description The last instant the token works, or null (no expiry). */
            expiry_date: components["schemas"]["EmnifyTimestamp"] | null;
            /** @description The CIDR range the token is limited to, or null. */
            ip: components["schemas"]["EmnifyCidr"] | null;
            creator: {
                id: number;
                name: string;
                username: string;
            };
        };
        /** @description The organisation's application tokens. */
        EmnifyApplicationTokenList: components["schemas"]["EmnifyApplicationToken"][];
        /** @description Settings of a new application token, all optional. */
        EmnifyCreateApplicationTokenRequest: {
            /** @description Who or what uses the token. */
            description?: string;
            /** @description When the token stops working, as a date (`2021-10-29`) or a date-time. */
            expiry_date?: string;
            ip?: components["schemas"]["EmnifyCidr"];
        };
        /** @description A newly created application token's secret. */
        EmnifyCreatedApplicationToken: {
            application_token: string;
        };
        /** @description A status change (and optionally a new description) for an application token. */
        EmnifyUpdateApplicationTokenRequest: {
            status: {
                /**
                 * @description `0` Activated, `1` Revoked.
                 * @enum {integer}
                 */
                id: 0 | 1;
            };
            description?: string;
        };
        /** @description A reference to another emnify object by id, with its name. */
        EmnifyIdName: {
            id: number;
            name?: string;
        };
        /**
         * @description An endpoint (a device with a SIM). `name`, `status.id`, `service_profile.id` and
         *     `tariff_profile.id` are always present; the real API sends further fields.
         */
        EmnifyEndpoint: {
            id: number;
            name: string;
            /** @description Comma-separated tags, or null. */
            tags?: string | null;
            created?: components["schemas"]["EmnifyTimestamp"];
            last_updated?: components["schemas"]["EmnifyTimestamp"];
            status: {
                /** @description `0` Enabled, `1` Disabled, `2` Deleted. */
                id: number;
                description?: string;
            };
            service_profile: components["schemas"]["EmnifyIdName"];
            tariff_profile: components["schemas"]["EmnifyIdName"];
            /** @description The SIM in the endpoint, or null. */
            sim?: {
                id?: number;
                iccid?: string;
                imsi?: string;
                msisdn?: string;
            } | null;
            imei?: string | null;
            imei_lock?: boolean;
            ip_address?: string | null;
            ip_address_space?: {
                id: number;
            };
        };
        /** @description One page of endpoints. */
        EmnifyEndpointList: components["schemas"]["EmnifyEndpoint"][];
    };
    responses: {
        /**
         * @description Authentication failed. Sent when `X-Application-Token` is missing or unknown, when an
         *     account-level method lacks `X-Account-Token` or its value belongs to no account, and by
         *     sign-in when the login or password is wrong. The body is empty or the plain text
         *     `401 Unauthorized`; there is never a `WWW-Authenticate` header and never a reason (see
         *     `X-Mock-Problem`).
         */
        DuetUnauthorized: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /** @example 401 Unauthorized */
                "text/plain": components["schemas"]["DuetUnauthorizedText"];
            };
        };
        /**
         * @description The session is open. `meta.token` is the session token for `X-AUTH-TOKEN` or `?token=`;
         *     `meta.expires` is 5 minutes from now and moves with every request. Any previous session of
         *     the account is closed.
         */
        DeviceHqSessionOpened: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "meta": {
                 *         "token": "lbYQxHvUeVMsDt",
                 *         "expires": "2023-11-14T09:35:00.000Z",
                 *         "jsonapi": {
                 *           "version": "1.0"
                 *         }
                 *       }
                 *     }
                 */
                "application/vnd.api+json": components["schemas"]["DeviceHqSession"];
            };
        };
        /**
         * @description The API key is ambiguous: it was sent in more than one place (header, query, body), two
         *     different keys were sent, or the `api_key` query parameter or `X-API-KEY` header was
         *     repeated. Also sent when the body is not a JSON object with a string `api_key`, is not
         *     valid JSON, nests deeper than the mock allows or uses the forbidden key `__proto__`.
         */
        DeviceHqKeyConflict: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "status": "400",
                 *           "title": "Bad Request",
                 *           "detail": "API key given in more than one place"
                 *         }
                 *       ]
                 *     }
                 */
                "application/vnd.api+json": components["schemas"]["DeviceHqErrors"];
            };
        };
        /**
         * @description No session was opened: no API key was sent at all, or the key is unknown (never issued, or
         *     replaced by a newer key of the account).
         */
        DeviceHqUnknownKey: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "status": "401",
                 *           "title": "Unauthorized",
                 *           "detail": "Invalid API key"
                 *         }
                 *       ]
                 *     }
                 */
                "application/vnd.api+json": components["schemas"]["DeviceHqErrors"];
            };
        };
        /**
         * @description The session token is missing, unknown, expired (more than 5 minutes since its last
         *     request), closed with `DELETE /devicehq/api/v2/session`, or replaced because the account
         *     opened a newer session. Sent in both places at once with different values also fails.
         */
        DeviceHqUnauthorized: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "status": "401",
                 *           "title": "Unauthorized",
                 *           "detail": "Invalid or expired session token"
                 *         }
                 *       ]
                 *     }
                 */
                "application/vnd.api+json": components["schemas"]["DeviceHqErrors"];
            };
        };
        /**
         * @description The input does not match this operation: a path `guid` that is not 12 lower-case base-36
         *     characters, a `role` outside the list, a body field missing or of the wrong form (for
         *     example an email address that is not one, a guardian `token` that is not 40 base-36
         *     characters, a `battery` outside 0..100), or a body that is not valid JSON, nests deeper
         *     than the mock allows or uses the forbidden key `__proto__`.
         */
        RfcxBadRequest: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Validation error: guid must be 12 lower-case base-36 characters",
                 *       "error": {
                 *         "status": 400
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RfcxBadRequestError"];
            };
        };
        /**
         * @description The credentials failed: identity or token missing (or only one of the two sent), the type
         *     is not `guardian`, `user`, `register` or `token`, no such identity, wrong token, token
         *     expired, temporary token used up, invite code unknown (including the old split form
         *     `register/ab12` + `cd34`) or past its allowed redemptions, the path is outside the
         *     token's allowed path patterns, or a guardian's credentials used on a path that is not
         *     exactly one of its own. Always the plain body `Unauthorized`, never a reason and never a
         *     `WWW-Authenticate` header (the reason is in `X-Mock-Problem`).
         */
        RfcxUnauthorized: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /** @example Unauthorized */
                "text/plain": components["schemas"]["RfcxUnauthorizedText"];
            };
        };
        /**
         * @description The credentials passed, but their guid is no user's (for example a temporary token or an
         *     invite code whose allowed paths include logout), as RFCx's `getUserByGuid` answers.
         */
        RfcxUserNotFound: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "User with given guid not found.",
                 *       "error": {
                 *         "status": 404
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RfcxError"];
            };
        };
        /**
         * @description The credentials passed (a `user` or temporary token may reach any guardian's path), but
         *     no guardian has the guid in the path.
         */
        RfcxGuardianNotFound: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Guardian with given guid not found.",
                 *       "error": {
                 *         "status": 404
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RfcxError"];
            };
        };
        /**
         * @description The bearer token was refused; no `WWW-Authenticate` header is sent.
         *     - no `Authorization` header, or not a `Bearer` one, or a JWT that is not signed by
         *       this server: `error_code` 1102 `InvalidToken`;
         *     - a JWT past its `exp`: `error_code` 1103 `TokenExpired` (authenticate again);
         *     - a bearer value that is not three dot-separated segments:
         *       `{"message":"token contains an invalid number of segments"}` (no `error_code`).
         */
        EmnifyUnauthorized: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EmnifyUnauthorizedError"];
            };
        };
        /**
         * @description Logins are blocked after repeated failures (three failed logins in a row block further
         *     logins for 5 minutes, even with correct credentials): `error_code` 1105
         *     `TooManyRequests`. `Retry-After` says how many seconds remain.
         */
        EmnifyTooManyRequests: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                "Retry-After": components["headers"]["EmnifyRetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": 1105,
                 *       "error_token": "TooManyRequests",
                 *       "message": "Too many requests"
                 *     }
                 */
                "application/json": components["schemas"]["EmnifyError"];
            };
        };
        /**
         * @description The body could not be read at all: it is not valid JSON, a form field name is malformed,
         *     a `multipart/form-data` body is broken (no or a bad boundary, a part without
         *     `Content-Disposition: form-data; name=...`, a truncated part; the reason names the part),
         *     it nests deeper than the mock allows, or it uses the forbidden key `__proto__`.
         *     `errors.base` holds the reason. (A body that parses but is not the `{account:{...}}`
         *     shape is a `422` with the fields reported as blank; at sign-in, missing credentials are a
         *     `401`.)
         */
        DuetBadRequest: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": {
                 *         "base": [
                 *           "body is not valid JSON: Unexpected end of JSON input"
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DuetValidationErrors"];
            };
        };
        /** @description The request body is over the mock's size limit; `errors.base` says by how much. */
        DuetPayloadTooLarge: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": {
                 *         "base": [
                 *           "body of 2097152 bytes is over the 1048576-byte limit"
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DuetValidationErrors"];
            };
        };
        /**
         * @description The body is not in a media type this operation accepts (see its `requestBody`), a body
         *     was sent without a `Content-Type` header, or `Content-Encoding` is not `identity`.
         */
        DuetUnsupportedMediaType: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": {
                 *         "base": [
                 *           "Content-Type text/plain is not accepted here; send multipart/form-data or application/x-www-form-urlencoded or application/json"
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DuetValidationErrors"];
            };
        };
        /** @description The request body is over the mock's size limit. */
        DeviceHqPayloadTooLarge: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "status": "413",
                 *           "title": "Request body too large",
                 *           "detail": "body of 2097152 bytes is over the 1048576-byte limit"
                 *         }
                 *       ]
                 *     }
                 */
                "application/vnd.api+json": components["schemas"]["DeviceHqErrors"];
            };
        };
        /**
         * @description The body is not `application/json`, a body was sent without a `Content-Type` header, or
         *     `Content-Encoding` is not `identity`.
         */
        DeviceHqUnsupportedMediaType: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "status": "415",
                 *           "title": "Unsupported content type",
                 *           "detail": "Content-Type text/plain is not accepted here; send application/json"
                 *         }
                 *       ]
                 *     }
                 */
                "application/vnd.api+json": components["schemas"]["DeviceHqErrors"];
            };
        };
        /**
         * @description The body could not be used: it is not valid JSON (or a form or multipart body is
         *     malformed), it nests deeper than the mock allows, it uses the forbidden key `__proto__`,
         *     a required body is missing, or it does not match the operation's schema.
         */
        RfcxBadRequestBody: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "body is not valid JSON: Unexpected end of JSON input",
                 *       "error": {
                 *         "status": 400
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RfcxBadRequestError"];
            };
        };
        /** @description The request body is over the mock's size limit. */
        RfcxPayloadTooLarge: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "body of 2097152 bytes is over the 1048576-byte limit",
                 *       "error": {
                 *         "status": 413
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RfcxError"];
            };
        };
        /**
         * @description The body is not in a media type this operation accepts (see its `requestBody`), a body
         *     was sent without a `Content-Type` header, or `Content-Encoding` is not `identity`.
         */
        RfcxUnsupportedMediaType: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Content-Type text/plain is not accepted here; send application/json",
                 *       "error": {
                 *         "status": 415
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RfcxError"];
            };
        };
        /**
         * @description `400`: the body could not be read: it is not valid JSON, it nests deeper than the mock
         *     allows, it uses the forbidden key `__proto__`, or the required body is missing. (A JSON
         *     body that does not match the settings' schema is a `422`.) Declared as `4XX` on the
         *     application-token operations: the mock answers schema mismatches with `422` only where an
         *     operation declares `422` and no exact `400`.
         */
        EmnifyBadRequest: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": 400,
                 *       "error_token": "BadRequest",
                 *       "message": "body is not valid JSON: Unexpected end of JSON input"
                 *     }
                 */
                "application/json": components["schemas"]["EmnifyError"];
            };
        };
        /** @description The request body is over the mock's size limit. */
        EmnifyPayloadTooLarge: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": 413,
                 *       "error_token": "PayloadTooLarge",
                 *       "message": "body of 2097152 bytes is over the 1048576-byte limit"
                 *     }
                 */
                "application/json": components["schemas"]["EmnifyError"];
            };
        };
        /**
         * @description The body is not `application/json`, a body was sent without a `Content-Type` header, or
         *     `Content-Encoding` is not `identity`.
         */
        EmnifyUnsupportedMediaType: {
            headers: {
                "X-Mock-Problem": components["headers"]["XMockProblem"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": 415,
                 *       "error_token": "UnsupportedMediaType",
                 *       "message": "Content-Type text/plain is not accepted here; send application/json"
                 *     }
                 */
                "application/json": components["schemas"]["EmnifyError"];
            };
        };
    };
    parameters: {
        /**
         * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
         *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
         *     `X-Mock-Problem`.
         * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
         */
        DuetDeviceIdentifier: string;
        /**
         * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
         *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
         *     served and only reported in `X-Mock-Problem`.
         * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
         */
        DuetDevicePushToken: string;
        /**
         * @description Informational: the version of the operating system the device runs. Lenient: a bad value
         *     is served and only reported in `X-Mock-Problem`.
         * @example 17.1.2
         */
        DuetDeviceSoftwareVersion: string;
        /**
         * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
         *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
         * @example 52.5208
         */
        DuetLocationLat: number;
        /**
         * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
         *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
         * @example 13.4094
         */
        DuetLocationLong: number;
        /**
         * @description Informational: the preferred language the user set on the device, as a language tag.
         *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
         * @example en-US
         */
        DuetDeviceLanguage: string;
        /**
         * @description How many devices to return, 1 to 100.
         * @example 25
         */
        DeviceHqLimit: number;
        /**
         * @description How many devices to skip before the first one returned.
         * @example 0
         */
        DeviceHqSkip: number;
        /**
         * @description The guardian's guid, 12 lower-case base-36 characters.
         * @example df72c626229f
         */
        RfcxGuardianGuid: components["schemas"]["RfcxGuardianGuid"];
        /**
         * @description Which of the guardian's software roles to look up.
         * @example guardian
         */
        RfcxSoftwareRole: "guardian" | "admin" | "updater" | "classify";
        /**
         * @description Which page to return, starting at 1.
         * @example 1
         */
        EmnifyPage: number;
        /**
         * @description How many endpoints per page, 1 to 1000.
         * @example 100
         */
        EmnifyPerPage: number;
        /**
         * @description The application token's `id` from the list.
         * @example 42
         */
        EmnifyApplicationTokenId: number;
    };
    requestBodies: {
        /**
         * @description Optional. The account API key as `{"api_key": "..."}` when it is not sent in `X-API-KEY`
         *     or `?api_key=`. Either JSON media type is accepted. Omit the body (and send
         *     `Content-Length: 0` on `POST`) when the key travels in the header or the query.
         */
        DeviceHqCreateSession: {
            content: {
                /**
                 * @example {
                 *       "api_key": "5sHszZNuTfmgs58VGA"
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHqCreateSessionRequest"];
                /**
                 * @example {
                 *       "api_key": "5sHszZNuTfmgs58VGA"
                 *     }
                 */
                "application/vnd.api+json": components["schemas"]["DeviceHqCreateSessionRequest"];
            };
        };
    };
    headers: {
        /**
         * @description authmock's explanation of what failed (or, on a success, what it only warned about), as a
         *     short JSON object with `code` and `detail` (and `pointer` when a request location is
         *     known). Real providers never send it; it is there for the developer.
         * @example {"code":"auth.invalid","detail":"X-Application-Token is not a known application token"}
         */
        XMockProblem: string;
        /**
         * @description Seconds until logins are accepted again.
         * @example 300
         */
        EmnifyRetryAfter: number;
        /**
         * @description How many pages there are at this `per_page` (at least 1).
         * @example 1
         */
        EmnifyTotalPages: number;
        /**
         * @description The page returned.
         * @example 1
         */
        EmnifyCurrentPage: number;
        /**
         * @description The page size used.
         * @example 100
         */
        EmnifyCountPerPage: number;
        /**
         * @description How many endpoints there are in all.
         * @example 1
         */
        EmnifyTotalCount: number;
        /**
         * @description The field the list is sorted by (recorded as `id`).
         * @example id
         */
        EmnifySort: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    duetTestApplication: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
                 *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
                 *     `X-Mock-Problem`.
                 * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
                 */
                "X-Device-Identifier"?: components["parameters"]["DuetDeviceIdentifier"];
                /**
                 * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
                 *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
                 *     served and only reported in `X-Mock-Problem`.
                 * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
                 */
                "X-Device-Push-Token"?: components["parameters"]["DuetDevicePushToken"];
                /**
                 * @description Informational: the version of the operating system the device runs. Lenient: a bad value
                 *     is served and only reported in `X-Mock-Problem`.
                 * @example 17.1.2
                 */
                "X-Device-Software-Version"?: components["parameters"]["DuetDeviceSoftwareVersion"];
                /**
                 * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 52.5208
                 */
                "X-Location-Lat"?: components["parameters"]["DuetLocationLat"];
                /**
                 * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 13.4094
                 */
                "X-Location-Long"?: components["parameters"]["DuetLocationLong"];
                /**
                 * @description Informational: the preferred language the user set on the device, as a language tag.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example en-US
                 */
                "X-Device-Language"?: components["parameters"]["DuetDeviceLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application token is known. The body is always `Welcome to the Duet API`. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example Welcome to the Duet API */
                    "text/plain": components["schemas"]["DuetWelcome"];
                };
            };
            401: components["responses"]["DuetUnauthorized"];
        };
    };
    duetGetAccount: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
                 *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
                 *     `X-Mock-Problem`.
                 * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
                 */
                "X-Device-Identifier"?: components["parameters"]["DuetDeviceIdentifier"];
                /**
                 * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
                 *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
                 *     served and only reported in `X-Mock-Problem`.
                 * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
                 */
                "X-Device-Push-Token"?: components["parameters"]["DuetDevicePushToken"];
                /**
                 * @description Informational: the version of the operating system the device runs. Lenient: a bad value
                 *     is served and only reported in `X-Mock-Problem`.
                 * @example 17.1.2
                 */
                "X-Device-Software-Version"?: components["parameters"]["DuetDeviceSoftwareVersion"];
                /**
                 * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 52.5208
                 */
                "X-Location-Lat"?: components["parameters"]["DuetLocationLat"];
                /**
                 * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 13.4094
                 */
                "X-Location-Long"?: components["parameters"]["DuetLocationLong"];
                /**
                 * @description Informational: the preferred language the user set on the device, as a language tag.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example en-US
                 */
                "X-Device-Language"?: components["parameters"]["DuetDeviceLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account the account token belongs to. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 92,
                     *       "first_name": "Merritt",
                     *       "last_name": "Ledner",
                     *       "email": "account-6@email.com",
                     *       "phone": "2998841598",
                     *       "gender": "m",
                     *       "born_on": "1980-10-10",
                     *       "image": {
                     *         "original": "http://cdn.duet.me/default/original_account_image.png",
                     *         "mini": "http://cdn.duet.me/default/mini_account_image.png",
                     *         "medium": "http://cdn.duet.me/default/medium_account_image.png",
                     *         "small": "http://cdn.duet.me/default/small_account_image.png"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DuetAccount"];
                };
            };
            401: components["responses"]["DuetUnauthorized"];
        };
    };
    duetCreateAccount: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
                 *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
                 *     `X-Mock-Problem`.
                 * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
                 */
                "X-Device-Identifier"?: components["parameters"]["DuetDeviceIdentifier"];
                /**
                 * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
                 *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
                 *     served and only reported in `X-Mock-Problem`.
                 * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
                 */
                "X-Device-Push-Token"?: components["parameters"]["DuetDevicePushToken"];
                /**
                 * @description Informational: the version of the operating system the device runs. Lenient: a bad value
                 *     is served and only reported in `X-Mock-Problem`.
                 * @example 17.1.2
                 */
                "X-Device-Software-Version"?: components["parameters"]["DuetDeviceSoftwareVersion"];
                /**
                 * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 52.5208
                 */
                "X-Location-Lat"?: components["parameters"]["DuetLocationLat"];
                /**
                 * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 13.4094
                 */
                "X-Location-Long"?: components["parameters"]["DuetLocationLong"];
                /**
                 * @description Informational: the preferred language the user set on the device, as a language tag.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example en-US
                 */
                "X-Device-Language"?: components["parameters"]["DuetDeviceLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description Rails parameters under `account`: `first_name`, `email`, `password` and `phone` are required;
         *     `image` (a png, jpg or gif file), `last_name`, `gender` (`m`/`f`), `born_on` (`YYYY-MM-DD`)
         *     and `password_confirmation` are optional. As `multipart/form-data` or a form the names are
         *     bracketed (`account[email]`, `account[image]`); the mock turns the brackets into nesting, so
         *     the same nested schema applies to every media type. A file part is seen by the schema as its
         *     file name; the mock keeps only its name, type and size.
         */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "account": {
                 *         "first_name": "Jane",
                 *         "email": "jane@example.com",
                 *         "password": "correct-horse",
                 *         "phone": "4155550123",
                 *         "image": "jane.png"
                 *       }
                 *     }
                 */
                "multipart/form-data": components["schemas"]["DuetCreateAccountRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["DuetCreateAccountRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "first_name": "Jane",
                 *         "email": "jane@example.com",
                 *         "password": "correct-horse",
                 *         "phone": "4155550123"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DuetCreateAccountRequest"];
            };
        };
        responses: {
            /** @description The account was created: the account object (no token; sign in next). */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 92,
                     *       "first_name": "Merritt",
                     *       "last_name": "Ledner",
                     *       "email": "account-6@email.com",
                     *       "phone": "2998841598",
                     *       "gender": "m",
                     *       "born_on": "1980-10-10",
                     *       "image": {
                     *         "original": "http://cdn.duet.me/default/original_account_image.png",
                     *         "mini": "http://cdn.duet.me/default/mini_account_image.png",
                     *         "medium": "http://cdn.duet.me/default/medium_account_image.png",
                     *         "small": "http://cdn.duet.me/default/small_account_image.png"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DuetAccount"];
                };
            };
            400: components["responses"]["DuetBadRequest"];
            401: components["responses"]["DuetUnauthorized"];
            413: components["responses"]["DuetPayloadTooLarge"];
            415: components["responses"]["DuetUnsupportedMediaType"];
            /**
             * @description The account was not created; `errors` maps each bad field to its messages, all at once, in
             *     Rails' words (the docs' example lists every required field as blank):
             *     - a required field missing or blank: `"<field>":["can't be blank"]`;
             *     - `email` not an address, `phone` not 7 to 15 digits, `born_on` not a date: `["is invalid"]`;
             *     - `email` or `phone` already the login of an account: `["has already been taken"]`;
             *     - `password` shorter than 8 characters: `["is too short (minimum is 8 characters)"]`;
             *     - `password_confirmation` given and different: `"password":["doesn't match confirmation"]`;
             *     - `gender` not `m` or `f`: `["is not included in the list"]`;
             *     - `image` not a png, jpg or gif file: `["is not an allowed file type"]`;
             *     - the body is not the `{account:{...}}` shape at all: `"account":["can't be blank"]`.
             */
            422: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuetValidationErrors"];
                };
            };
        };
    };
    duetSignIn: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
                 *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
                 *     `X-Mock-Problem`.
                 * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
                 */
                "X-Device-Identifier"?: components["parameters"]["DuetDeviceIdentifier"];
                /**
                 * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
                 *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
                 *     served and only reported in `X-Mock-Problem`.
                 * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
                 */
                "X-Device-Push-Token"?: components["parameters"]["DuetDevicePushToken"];
                /**
                 * @description Informational: the version of the operating system the device runs. Lenient: a bad value
                 *     is served and only reported in `X-Mock-Problem`.
                 * @example 17.1.2
                 */
                "X-Device-Software-Version"?: components["parameters"]["DuetDeviceSoftwareVersion"];
                /**
                 * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 52.5208
                 */
                "X-Location-Lat"?: components["parameters"]["DuetLocationLat"];
                /**
                 * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 13.4094
                 */
                "X-Location-Long"?: components["parameters"]["DuetLocationLong"];
                /**
                 * @description Informational: the preferred language the user set on the device, as a language tag.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example en-US
                 */
                "X-Device-Language"?: components["parameters"]["DuetDeviceLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description Rails parameters: `account[login]` (email or phone number) and `account[password]`, as a form,
         *     multipart or nested JSON `{"account":{"login":...,"password":...}}`; the mock turns the
         *     brackets into nesting, so the same nested schema applies to each.
         */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["DuetSignInRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "login": "jane@example.com",
                 *         "password": "correct-horse"
                 *       }
                 *     }
                 */
                "multipart/form-data": components["schemas"]["DuetSignInRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "login": "jane@example.com",
                 *         "password": "correct-horse"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DuetSignInRequest"];
            };
        };
        responses: {
            /**
             * @description Signed in. `authentication_token` is the value for `X-Account-Token`, wrapped in `account`
             *     (the sign-in page) or bare (`duet.settings.sign_in_wrapper: none`).
             */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "account": {
                     *         "authentication_token": "rya3yxlxLwIF2OHVJBcX2F2e7gqDGzHxmT3v7eD3E0Lu35ox8FKwzXRSQdoz"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DuetSignInResponse"];
                };
            };
            400: components["responses"]["DuetBadRequest"];
            /**
             * @description The login or password is wrong, blank or missing (the sign-in page lists `200 OK` and
             *     `401 Unauthorized` only), or the application token is missing or unknown. The body
             *     is the plain text `401 Unauthorized`, never a reason (see `X-Mock-Problem`).
             */
            401: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example 401 Unauthorized */
                    "text/plain": components["schemas"]["DuetUnauthorizedText"];
                };
            };
            413: components["responses"]["DuetPayloadTooLarge"];
            415: components["responses"]["DuetUnsupportedMediaType"];
            /**
             * @description The body is not `{account:{...}}` with string fields (for example a top-level array,
             *     or `login` given as a number): `{"errors":{"<field>":["can't be blank"]}}`.
             */
            422: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": {
                     *         "login": [
                     *           "can't be blank"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DuetValidationErrors"];
                };
            };
        };
    };
    duetUpdateAccount: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
                 *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
                 *     `X-Mock-Problem`.
                 * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
                 */
                "X-Device-Identifier"?: components["parameters"]["DuetDeviceIdentifier"];
                /**
                 * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
                 *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
                 *     served and only reported in `X-Mock-Problem`.
                 * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
                 */
                "X-Device-Push-Token"?: components["parameters"]["DuetDevicePushToken"];
                /**
                 * @description Informational: the version of the operating system the device runs. Lenient: a bad value
                 *     is served and only reported in `X-Mock-Problem`.
                 * @example 17.1.2
                 */
                "X-Device-Software-Version"?: components["parameters"]["DuetDeviceSoftwareVersion"];
                /**
                 * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 52.5208
                 */
                "X-Location-Lat"?: components["parameters"]["DuetLocationLat"];
                /**
                 * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 13.4094
                 */
                "X-Location-Long"?: components["parameters"]["DuetLocationLong"];
                /**
                 * @description Informational: the preferred language the user set on the device, as a language tag.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example en-US
                 */
                "X-Device-Language"?: components["parameters"]["DuetDeviceLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description Rails parameters under `account`, all optional: `first_name`, `email`, `phone` (the page), and
         *     `last_name`, `gender` (`m`/`f`), `born_on` (`YYYY-MM-DD`) of its earlier version. As a form,
         *     multipart or nested JSON.
         */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["DuetUpdateAccountRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "first_name": "Janet",
                 *         "phone": "4155550199"
                 *       }
                 *     }
                 */
                "multipart/form-data": components["schemas"]["DuetUpdateAccountRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "email": "janet@example.com"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DuetUpdateAccountRequest"];
            };
        };
        responses: {
            /** @description The account after the update. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 92,
                     *       "first_name": "Merritt",
                     *       "last_name": "Ledner",
                     *       "email": "account-6@email.com",
                     *       "phone": "2998841598",
                     *       "gender": "m",
                     *       "born_on": "1980-10-10",
                     *       "image": {
                     *         "original": "http://cdn.duet.me/default/original_account_image.png",
                     *         "mini": "http://cdn.duet.me/default/mini_account_image.png",
                     *         "medium": "http://cdn.duet.me/default/medium_account_image.png",
                     *         "small": "http://cdn.duet.me/default/small_account_image.png"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DuetAccount"];
                };
            };
            400: components["responses"]["DuetBadRequest"];
            401: components["responses"]["DuetUnauthorized"];
            413: components["responses"]["DuetPayloadTooLarge"];
            415: components["responses"]["DuetUnsupportedMediaType"];
            /**
             * @description Nothing was changed; every bad field at once:
             *     - `first_name`, `email` or `phone` sent blank: `["can't be blank"]`;
             *     - `email`, `phone` or `born_on` malformed: `["is invalid"]`;
             *     - `email` or `phone` the login of another account: `["has already been taken"]`;
             *     - `gender` not `m` or `f`: `["is not included in the list"]`.
             */
            422: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuetValidationErrors"];
                };
            };
        };
    };
    duetUpdateAccountImage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
                 *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
                 *     `X-Mock-Problem`.
                 * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
                 */
                "X-Device-Identifier"?: components["parameters"]["DuetDeviceIdentifier"];
                /**
                 * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
                 *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
                 *     served and only reported in `X-Mock-Problem`.
                 * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
                 */
                "X-Device-Push-Token"?: components["parameters"]["DuetDevicePushToken"];
                /**
                 * @description Informational: the version of the operating system the device runs. Lenient: a bad value
                 *     is served and only reported in `X-Mock-Problem`.
                 * @example 17.1.2
                 */
                "X-Device-Software-Version"?: components["parameters"]["DuetDeviceSoftwareVersion"];
                /**
                 * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 52.5208
                 */
                "X-Location-Lat"?: components["parameters"]["DuetLocationLat"];
                /**
                 * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 13.4094
                 */
                "X-Location-Long"?: components["parameters"]["DuetLocationLong"];
                /**
                 * @description Informational: the preferred language the user set on the device, as a language tag.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example en-US
                 */
                "X-Device-Language"?: components["parameters"]["DuetDeviceLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description `account[image]`: one png, jpg or gif file part of a `multipart/form-data` body. The mock turns
         *     the brackets into nesting; the schema sees the file as its file name. A form or JSON body can
         *     carry no file, so its `image` gets `422 is not an allowed file type`.
         */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "account": {
                 *         "image": "jane.png"
                 *       }
                 *     }
                 */
                "multipart/form-data": components["schemas"]["DuetAccountImageRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["DuetAccountImageRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "image": "jane.png"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DuetAccountImageRequest"];
            };
        };
        responses: {
            /** @description The account with its new image. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 92,
                     *       "first_name": "Merritt",
                     *       "last_name": "Ledner",
                     *       "email": "account-6@email.com",
                     *       "phone": "2998841598",
                     *       "gender": "m",
                     *       "born_on": "1980-10-10",
                     *       "image": {
                     *         "original": "http://cdn.duet.me/default/original_account_image.png",
                     *         "mini": "http://cdn.duet.me/default/mini_account_image.png",
                     *         "medium": "http://cdn.duet.me/default/medium_account_image.png",
                     *         "small": "http://cdn.duet.me/default/small_account_image.png"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DuetAccount"];
                };
            };
            400: components["responses"]["DuetBadRequest"];
            401: components["responses"]["DuetUnauthorized"];
            413: components["responses"]["DuetPayloadTooLarge"];
            415: components["responses"]["DuetUnsupportedMediaType"];
            /**
             * @description The image was not changed:
             *     - no file: `{"errors":{"image":["can't be blank"]}}`;
             *     - not a png, jpg or gif file (the page's example): `{"errors":{"image":["is not an allowed file type"]}}`.
             */
            422: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuetValidationErrors"];
                };
            };
        };
    };
    duetChangePassword: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
                 *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
                 *     `X-Mock-Problem`.
                 * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
                 */
                "X-Device-Identifier"?: components["parameters"]["DuetDeviceIdentifier"];
                /**
                 * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
                 *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
                 *     served and only reported in `X-Mock-Problem`.
                 * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
                 */
                "X-Device-Push-Token"?: components["parameters"]["DuetDevicePushToken"];
                /**
                 * @description Informational: the version of the operating system the device runs. Lenient: a bad value
                 *     is served and only reported in `X-Mock-Problem`.
                 * @example 17.1.2
                 */
                "X-Device-Software-Version"?: components["parameters"]["DuetDeviceSoftwareVersion"];
                /**
                 * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 52.5208
                 */
                "X-Location-Lat"?: components["parameters"]["DuetLocationLat"];
                /**
                 * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 13.4094
                 */
                "X-Location-Long"?: components["parameters"]["DuetLocationLong"];
                /**
                 * @description Informational: the preferred language the user set on the device, as a language tag.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example en-US
                 */
                "X-Device-Language"?: components["parameters"]["DuetDeviceLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description Rails parameters: `account[password]` and `account[password_confirmation]`, both required, as a
         *     form, multipart or nested JSON.
         */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["DuetChangePasswordRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "password": "battery-staple",
                 *         "password_confirmation": "battery-staple"
                 *       }
                 *     }
                 */
                "multipart/form-data": components["schemas"]["DuetChangePasswordRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "password": "battery-staple",
                 *         "password_confirmation": "battery-staple"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DuetChangePasswordRequest"];
            };
        };
        responses: {
            /** @description The password was changed: the account object. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 92,
                     *       "first_name": "Merritt",
                     *       "last_name": "Ledner",
                     *       "email": "account-6@email.com",
                     *       "phone": "2998841598",
                     *       "gender": "m",
                     *       "born_on": "1980-10-10",
                     *       "image": {
                     *         "original": "http://cdn.duet.me/default/original_account_image.png",
                     *         "mini": "http://cdn.duet.me/default/mini_account_image.png",
                     *         "medium": "http://cdn.duet.me/default/medium_account_image.png",
                     *         "small": "http://cdn.duet.me/default/small_account_image.png"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DuetAccount"];
                };
            };
            400: components["responses"]["DuetBadRequest"];
            401: components["responses"]["DuetUnauthorized"];
            413: components["responses"]["DuetPayloadTooLarge"];
            415: components["responses"]["DuetUnsupportedMediaType"];
            /**
             * @description The password was not changed:
             *     - the confirmation differs or is missing (the page's example):
             *       `{"errors":{"password":["doesn't match confirmation"]}}`;
             *     - the new password is shorter than 8 characters:
             *       `{"errors":{"password":["is too short (minimum is 8 characters)"]}}`;
             *     - no password: `{"errors":{"password":["can't be blank"]}}`.
             */
            422: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuetValidationErrors"];
                };
            };
        };
    };
    duetGetPrivacy: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
                 *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
                 *     `X-Mock-Problem`.
                 * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
                 */
                "X-Device-Identifier"?: components["parameters"]["DuetDeviceIdentifier"];
                /**
                 * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
                 *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
                 *     served and only reported in `X-Mock-Problem`.
                 * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
                 */
                "X-Device-Push-Token"?: components["parameters"]["DuetDevicePushToken"];
                /**
                 * @description Informational: the version of the operating system the device runs. Lenient: a bad value
                 *     is served and only reported in `X-Mock-Problem`.
                 * @example 17.1.2
                 */
                "X-Device-Software-Version"?: components["parameters"]["DuetDeviceSoftwareVersion"];
                /**
                 * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 52.5208
                 */
                "X-Location-Lat"?: components["parameters"]["DuetLocationLat"];
                /**
                 * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 13.4094
                 */
                "X-Location-Long"?: components["parameters"]["DuetLocationLong"];
                /**
                 * @description Informational: the preferred language the user set on the device, as a language tag.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example en-US
                 */
                "X-Device-Language"?: components["parameters"]["DuetDeviceLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account's privacy settings. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "promenade_sharing": false,
                     *       "maximum_privacy": false
                     *     }
                     */
                    "application/json": components["schemas"]["DuetPrivacy"];
                };
            };
            401: components["responses"]["DuetUnauthorized"];
        };
    };
    duetUpdatePrivacy: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Informational: the unique identifier of the device sending the request (on an iPhone, the
                 *     `uuid`). At most 255 characters. Lenient: a bad value is served and only reported in
                 *     `X-Mock-Problem`.
                 * @example 6F9619FF-8B86-D011-B42D-00CF4FC964FF
                 */
                "X-Device-Identifier"?: components["parameters"]["DuetDeviceIdentifier"];
                /**
                 * @description Informational: the push-notification token, 64 upper-case hexadecimal characters without
                 *     spaces or separators. Not sent when the user opted out of push. Lenient: a bad value is
                 *     served and only reported in `X-Mock-Problem`.
                 * @example FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660
                 */
                "X-Device-Push-Token"?: components["parameters"]["DuetDevicePushToken"];
                /**
                 * @description Informational: the version of the operating system the device runs. Lenient: a bad value
                 *     is served and only reported in `X-Mock-Problem`.
                 * @example 17.1.2
                 */
                "X-Device-Software-Version"?: components["parameters"]["DuetDeviceSoftwareVersion"];
                /**
                 * @description Informational: the device's current latitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 52.5208
                 */
                "X-Location-Lat"?: components["parameters"]["DuetLocationLat"];
                /**
                 * @description Informational: the device's current longitude in decimal degrees, if GPS-enabled.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example 13.4094
                 */
                "X-Location-Long"?: components["parameters"]["DuetLocationLong"];
                /**
                 * @description Informational: the preferred language the user set on the device, as a language tag.
                 *     Lenient: a bad value is served and only reported in `X-Mock-Problem`.
                 * @example en-US
                 */
                "X-Device-Language"?: components["parameters"]["DuetDeviceLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * @description Rails parameters `account[maximum_privacy]` and `account[promenade_sharing]`, each `1` or `0`
         *     (JSON may send `true`/`false`), as a form, multipart or nested JSON.
         */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["DuetPrivacyRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "maximum_privacy": "0",
                 *         "promenade_sharing": "1"
                 *       }
                 *     }
                 */
                "multipart/form-data": components["schemas"]["DuetPrivacyRequest"];
                /**
                 * @example {
                 *       "account": {
                 *         "maximum_privacy": true
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DuetPrivacyRequest"];
            };
        };
        responses: {
            /** @description The privacy settings after the change. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "promenade_sharing": true,
                     *       "maximum_privacy": false
                     *     }
                     */
                    "application/json": components["schemas"]["DuetPrivacy"];
                };
            };
            400: components["responses"]["DuetBadRequest"];
            401: components["responses"]["DuetUnauthorized"];
            413: components["responses"]["DuetPayloadTooLarge"];
            415: components["responses"]["DuetUnsupportedMediaType"];
            /**
             * @description The body is not `{account:{...}}` (for example a top-level array): `{"errors":{"account":["can't be blank"]}}`.
             *     Values themselves are never refused: they are cast as above.
             */
            422: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuetValidationErrors"];
                };
            };
        };
    };
    devicehqCreateSessionPut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["DeviceHqCreateSession"];
        responses: {
            200: components["responses"]["DeviceHqSessionOpened"];
            400: components["responses"]["DeviceHqKeyConflict"];
            401: components["responses"]["DeviceHqUnknownKey"];
            413: components["responses"]["DeviceHqPayloadTooLarge"];
            415: components["responses"]["DeviceHqUnsupportedMediaType"];
        };
    };
    devicehqCreateSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: components["requestBodies"]["DeviceHqCreateSession"];
        responses: {
            200: components["responses"]["DeviceHqSessionOpened"];
            400: components["responses"]["DeviceHqKeyConflict"];
            401: components["responses"]["DeviceHqUnknownKey"];
            /**
             * @description The `POST` carried no `Content-Length` header. DeviceHQ requires it on every `POST`,
             *     `Content-Length: 0` when there is no body.
             */
            411: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "status": "411",
                     *           "title": "Length Required",
                     *           "detail": "Content-Length header is required for POST requests"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/vnd.api+json": components["schemas"]["DeviceHqErrors"];
                };
            };
            413: components["responses"]["DeviceHqPayloadTooLarge"];
            415: components["responses"]["DeviceHqUnsupportedMediaType"];
        };
    };
    devicehqCloseSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is closed. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "meta": {
                     *         "message": "Session closed"
                     *       }
                     *     }
                     */
                    "application/vnd.api+json": components["schemas"]["DeviceHqSessionClosed"];
                };
            };
            401: components["responses"]["DeviceHqUnauthorized"];
        };
    };
    devicehqInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description API version and server time. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "meta": {
                     *         "api_version": "2",
                     *         "server_time": "2023-11-14T09:30:00.000Z",
                     *         "jsonapi": {
                     *           "version": "1.0"
                     *         }
                     *       }
                     *     }
                     */
                    "application/vnd.api+json": components["schemas"]["DeviceHqInfo"];
                };
            };
            /**
             * @description This route has no credential or input of its own that can fail, so the mock sends no
             *     client error for a well-formed request; any client error that does reach a client
             *     (for example one forced with `POST /__admin/faults`) uses DeviceHQ's JSON:API error
             *     format.
             */
            "4XX": {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "status": "429",
                     *           "title": "Too Many Requests",
                     *           "detail": "Fault injected by the mock"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/vnd.api+json": components["schemas"]["DeviceHqErrors"];
                };
            };
        };
    };
    devicehqTest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session token is valid. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "meta": {
                     *         "message": "OK",
                     *         "timestamp": "2023-11-14T09:30:00.000Z"
                     *       }
                     *     }
                     */
                    "application/vnd.api+json": components["schemas"]["DeviceHqTestResult"];
                };
            };
            401: components["responses"]["DeviceHqUnauthorized"];
        };
    };
    devicehqListDevices: {
        parameters: {
            query?: {
                /**
                 * @description How many devices to return, 1 to 100.
                 * @example 25
                 */
                limit?: components["parameters"]["DeviceHqLimit"];
                /**
                 * @description How many devices to skip before the first one returned.
                 * @example 0
                 */
                skip?: components["parameters"]["DeviceHqSkip"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of devices and the total count. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "3512",
                     *           "type": "devices",
                     *           "attributes": {
                     *             "name": "Pump house",
                     *             "serial": "DHQ-00A1-7731",
                     *             "status": "online",
                     *             "created_at": "2023-06-01T12:00:00.000Z"
                     *           }
                     *         }
                     *       ],
                     *       "meta": {
                     *         "total": 1
                     *       }
                     *     }
                     */
                    "application/vnd.api+json": components["schemas"]["DeviceHqDeviceList"];
                };
            };
            /**
             * @description `limit` is not an integer from 1 to 100, or `skip` is not an integer of 0 or more (or
             *     either is repeated).
             */
            400: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "status": "400",
                     *           "title": "Bad Request",
                     *           "detail": "limit must be an integer between 1 and 100"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/vnd.api+json": components["schemas"]["DeviceHqErrors"];
                };
            };
            401: components["responses"]["DeviceHqUnauthorized"];
        };
    };
    rfcxUserLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Email and password, as JSON or as a form. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ranger@example.org",
                 *       "password": "correct-horse",
                 *       "extended_expiration": 1
                 *     }
                 */
                "application/json": components["schemas"]["RfcxLoginRequest"];
                /**
                 * @example {
                 *       "email": "ranger@example.org",
                 *       "password": "correct-horse",
                 *       "extended_expiration": "1"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["RfcxLoginRequest"];
            };
        };
        responses: {
            /** @description Logged in. `tokens[0].token` is the new `user` token. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "guid": "b2e8df0c-a512-4398-828b-2a34b928a6ed",
                     *         "type": null,
                     *         "username": "ana",
                     *         "firstname": "Ana",
                     *         "lastname": "Ranger",
                     *         "email": "ranger@example.org",
                     *         "is_email_validated": true,
                     *         "last_login_at": "2023-11-17T09:30:00.000Z",
                     *         "tokens": [
                     *           {
                     *             "token": "iadkr9nclns3s71deouxvgi5rqc8uove6znti57l",
                     *             "token_expires_at": "2023-11-18T09:30:00.000Z"
                     *           }
                     *         ]
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["RfcxLoginResponse"];
                };
            };
            400: components["responses"]["RfcxBadRequest"];
            /**
             * @description No user has this email address, or the password is wrong. Unlike token failures this
             *     answer is JSON: `{"message":"invalid email or password","error":{"status":401}}`.
             */
            401: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "invalid email or password",
                     *       "error": {
                     *         "status": 401
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RfcxLoginFailedError"];
                };
            };
            413: components["responses"]["RfcxPayloadTooLarge"];
            415: components["responses"]["RfcxUnsupportedMediaType"];
        };
    };
    rfcxUserLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Optional; only used to carry `auth_user` / `auth_token` when they are not in headers or the query. */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "auth_user": "user/b2e8df0c-a512-4398-828b-2a34b928a6ed",
                 *       "auth_token": "iadkr9nclns3s71deouxvgi5rqc8uove6znti57l"
                 *     }
                 */
                "application/json": components["schemas"]["RfcxBodyCredentials"];
                /**
                 * @example {
                 *       "auth_user": "user/b2e8df0c-a512-4398-828b-2a34b928a6ed",
                 *       "auth_token": "iadkr9nclns3s71deouxvgi5rqc8uove6znti57l"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["RfcxBodyCredentials"];
            };
        };
        responses: {
            /** @description Logged out; `tokens_removed` counts the user tokens deleted. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tokens_removed": 1
                     *     }
                     */
                    "application/json": components["schemas"]["RfcxLogoutResponse"];
                };
            };
            400: components["responses"]["RfcxBadRequestBody"];
            401: components["responses"]["RfcxUnauthorized"];
            404: components["responses"]["RfcxUserNotFound"];
            413: components["responses"]["RfcxPayloadTooLarge"];
            415: components["responses"]["RfcxUnsupportedMediaType"];
        };
    };
    rfcxRegisterGuardian: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The guardian to register, as JSON or as a form. `auth_user` / `auth_token` may also be
         *     sent here instead of headers or the query.
         */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "guid": "df72c626229f",
                 *       "shortname": "Ridge 4"
                 *     }
                 */
                "application/json": components["schemas"]["RfcxRegisterGuardianRequest"];
                /**
                 * @example {
                 *       "guid": "df72c626229f",
                 *       "token": "5ffd69500c83b9d948f5d0852538b5b983453182",
                 *       "pin_code": "0417",
                 *       "shortname": "Ridge 4",
                 *       "auth_user": "register",
                 *       "auth_token": "k3x9p2qm"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["RfcxRegisterGuardianRequest"];
            };
        };
        responses: {
            /**
             * @description Registered (or registered again). `token` is the guardian's token for
             *     `x-auth-user: guardian/<guid>`; `pin_code` is the given PIN or 4 generated base-36
             *     characters.
             */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Ridge 4",
                     *       "guid": "df72c626229f",
                     *       "token": "5ffd69500c83b9d948f5d0852538b5b983453182",
                     *       "pin_code": "0417",
                     *       "api_mqtt_host": "mqtt.rfcx.example",
                     *       "api_sms_address": "+15005550006",
                     *       "keystore_passphrase": "authmock-keystore-passphrase"
                     *     }
                     */
                    "application/json": components["schemas"]["RfcxRegisteredGuardian"];
                };
            };
            400: components["responses"]["RfcxBadRequest"];
            401: components["responses"]["RfcxUnauthorized"];
            413: components["responses"]["RfcxPayloadTooLarge"];
            415: components["responses"]["RfcxUnsupportedMediaType"];
        };
    };
    rfcxGuardianCheckin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The guardian's guid, 12 lower-case base-36 characters.
                 * @example df72c626229f
                 */
                guid: components["parameters"]["RfcxGuardianGuid"];
            };
            cookie?: never;
        };
        /**
         * @description Optional check-in metadata, as JSON, a form or multipart. `auth_user` / `auth_token`
         *     may also be sent here instead of headers or the query.
         */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "meta": "battery*87|cpu*12"
                 *     }
                 */
                "application/json": components["schemas"]["RfcxCheckinRequest"];
                /**
                 * @example {
                 *       "meta": "battery*87|cpu*12",
                 *       "auth_user": "guardian/df72c626229f",
                 *       "auth_token": "5ffd69500c83b9d948f5d0852538b5b983453182"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["RfcxCheckinRequest"];
                /**
                 * @example {
                 *       "meta": "battery*87|cpu*12"
                 *     }
                 */
                "multipart/form-data": components["schemas"]["RfcxCheckinRequest"];
            };
        };
        responses: {
            /** @description The check-in was received. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "checkin_id": "7d3c1a90f2",
                     *       "received_at": "2023-11-14T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["RfcxCheckinReceipt"];
                };
            };
            400: components["responses"]["RfcxBadRequest"];
            401: components["responses"]["RfcxUnauthorized"];
            404: components["responses"]["RfcxGuardianNotFound"];
            413: components["responses"]["RfcxPayloadTooLarge"];
            415: components["responses"]["RfcxUnsupportedMediaType"];
        };
    };
    rfcxGuardianSoftware: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The guardian's guid, 12 lower-case base-36 characters.
                 * @example df72c626229f
                 */
                guid: components["parameters"]["RfcxGuardianGuid"];
                /**
                 * @description Which of the guardian's software roles to look up.
                 * @example guardian
                 */
                role: components["parameters"]["RfcxSoftwareRole"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The releases for the role (an array, usually of one). */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "role": "guardian",
                     *         "version": "0.9.1",
                     *         "sha1": "11f6ad8ec52a2984abaafd7c3b516503785c2072",
                     *         "url": "https://downloads.example.org/rfcx/guardian-0.9.1.apk"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["RfcxSoftwareList"];
                };
            };
            400: components["responses"]["RfcxBadRequest"];
            401: components["responses"]["RfcxUnauthorized"];
        };
    };
    rfcxGuardianPing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The guardian's guid, 12 lower-case base-36 characters.
                 * @example df72c626229f
                 */
                guid: components["parameters"]["RfcxGuardianGuid"];
            };
            cookie?: never;
        };
        /**
         * @description Optional, as JSON or a form. `auth_user` / `auth_token` may also be sent here instead of
         *     headers or the query.
         */
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "battery": 87
                 *     }
                 */
                "application/json": components["schemas"]["RfcxPingRequest"];
                /**
                 * @example {
                 *       "battery": 87,
                 *       "auth_user": "guardian/df72c626229f",
                 *       "auth_token": "5ffd69500c83b9d948f5d0852538b5b983453182"
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["RfcxPingRequest"];
            };
        };
        responses: {
            /** @description The ping was received. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "received": true,
                     *       "guid": "df72c626229f"
                     *     }
                     */
                    "application/json": components["schemas"]["RfcxPingReceipt"];
                };
            };
            400: components["responses"]["RfcxBadRequest"];
            401: components["responses"]["RfcxUnauthorized"];
            404: components["responses"]["RfcxGuardianNotFound"];
            413: components["responses"]["RfcxPayloadTooLarge"];
            415: components["responses"]["RfcxUnsupportedMediaType"];
        };
    };
    emnifyAuthenticate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description One of three closed objects; a body that matches none of them gets `400`. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmnifyAuthenticateRequest"];
            };
        };
        responses: {
            /**
             * @description Authenticated. `refresh_token` is present only when the request used `username` and
             *     `password`.
             */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmnifyAuthTokens"];
                };
            };
            /**
             * @description The body is not JSON, or matches none of the three credential sets: no credential,
             *     two sets mixed (e.g. `username` together with `application_token`), an unknown field,
             *     a missing `password`, or a `password` that is not 40 lower-case hex characters.
             */
            400: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": 400,
                     *       "error_token": "BadRequest",
                     *       "message": "Request body must hold username and password, application_token or refresh_token"
                     *     }
                     */
                    "application/json": components["schemas"]["EmnifyError"];
                };
            };
            /**
             * @description The credentials were refused, `error_code` 1101 `InvalidCredentials`: unknown
             *     username, wrong password, unknown application token, an application token that is
             *     revoked or past its expiry date, or a refresh token that is unknown, badly signed or
             *     expired. Each failed username/password attempt counts towards the `429` block.
             */
            401: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": 1101,
                     *       "error_token": "InvalidCredentials",
                     *       "message": "Invalid credentials"
                     *     }
                     */
                    "application/json": components["schemas"]["EmnifyError"];
                };
            };
            413: components["responses"]["EmnifyPayloadTooLarge"];
            415: components["responses"]["EmnifyUnsupportedMediaType"];
            429: components["responses"]["EmnifyTooManyRequests"];
        };
    };
    emnifyListApplicationTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organisation's application tokens. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": 42,
                     *         "description": "Token with expiry date",
                     *         "created": "2021-10-01T08:00:00.000+0000",
                     *         "status": {
                     *           "id": 0,
                     *           "description": "Activated"
                     *         },
                     *         "expiry_date": "2021-10-29T23:59:59.999+0000",
                     *         "ip": null,
                     *         "creator": {
                     *           "id": 5678,
                     *           "name": "Jane Doe",
                     *           "username": "user@domain.com"
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["EmnifyApplicationTokenList"];
                };
            };
            401: components["responses"]["EmnifyUnauthorized"];
        };
    };
    emnifyCreateApplicationToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The new token's optional settings (the example is the emnify page's). */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "Token with expiry date",
                 *       "expiry_date": "2021-10-29"
                 *     }
                 */
                "application/json": components["schemas"]["EmnifyCreateApplicationTokenRequest"];
            };
        };
        responses: {
            /** @description The token was created; keep `application_token`, it cannot be read again. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "application_token": "KAOp24TuMgjO2FpZmZ3ZFjSqpk7ea_mY8..."
                     *     }
                     */
                    "application/json": components["schemas"]["EmnifyCreatedApplicationToken"];
                };
            };
            401: components["responses"]["EmnifyUnauthorized"];
            413: components["responses"]["EmnifyPayloadTooLarge"];
            415: components["responses"]["EmnifyUnsupportedMediaType"];
            /**
             * @description The settings are invalid: `expiry_date` is not a date or date-time or lies in the
             *     past, `ip` is not a CIDR range, `description` is not a string, or the body is not a
             *     JSON object.
             */
            422: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": 422,
                     *       "error_token": "ValidationError",
                     *       "message": "expiry_date must be in the future",
                     *       "errors": [
                     *         {
                     *           "property": "expiry_date",
                     *           "message": "must be in the future"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["EmnifyValidationError"];
                };
            };
            "4XX": components["responses"]["EmnifyBadRequest"];
        };
    };
    emnifyUpdateApplicationToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The application token's `id` from the list.
                 * @example 42
                 */
                id: components["parameters"]["EmnifyApplicationTokenId"];
            };
            cookie?: never;
        };
        /** @description The new status and, optionally, a new description. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": {
                 *         "id": 1
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["EmnifyUpdateApplicationTokenRequest"];
            };
        };
        responses: {
            /** @description Updated. No body. */
            204: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["EmnifyUnauthorized"];
            /** @description The organisation has no application token with this `id`. */
            404: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": 404,
                     *       "error_token": "NotFound",
                     *       "message": "Application token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["EmnifyError"];
                };
            };
            413: components["responses"]["EmnifyPayloadTooLarge"];
            415: components["responses"]["EmnifyUnsupportedMediaType"];
            /**
             * @description The body is invalid: `status` or `status.id` missing, `status.id` not `0` or `1`, or
             *     `description` not a string; or the token is revoked and the body asks to re-activate
             *     it (`{"status":{"id":0}}`): a revoked token cannot be re-activated. (Re-activating a
             *     token that is still active is a no-op `204`.)
             */
            422: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": 422,
                     *       "error_token": "ValidationError",
                     *       "message": "status.id must be 0 or 1"
                     *     }
                     */
                    "application/json": components["schemas"]["EmnifyValidationError"];
                };
            };
            "4XX": components["responses"]["EmnifyBadRequest"];
        };
    };
    emnifyListEndpoints: {
        parameters: {
            query?: {
                /**
                 * @description Which page to return, starting at 1.
                 * @example 1
                 */
                page?: components["parameters"]["EmnifyPage"];
                /**
                 * @description How many endpoints per page, 1 to 1000.
                 * @example 100
                 */
                per_page?: components["parameters"]["EmnifyPerPage"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of endpoints. */
            200: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    "X-Total-Pages": components["headers"]["EmnifyTotalPages"];
                    "X-Current-Page": components["headers"]["EmnifyCurrentPage"];
                    "X-Count-Per-Page": components["headers"]["EmnifyCountPerPage"];
                    "X-Total-Count": components["headers"]["EmnifyTotalCount"];
                    "X-Sort": components["headers"]["EmnifySort"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": 7001,
                     *         "name": "Pump house gateway",
                     *         "tags": "field,pumps",
                     *         "created": "2021-11-18T08:25:53.000+0000",
                     *         "last_updated": "2021-12-29T08:51:00.000+0000",
                     *         "status": {
                     *           "id": 0,
                     *           "description": "Enabled"
                     *         },
                     *         "service_profile": {
                     *           "id": 11,
                     *           "name": "Default service profile"
                     *         },
                     *         "tariff_profile": {
                     *           "id": 21,
                     *           "name": "Global"
                     *         },
                     *         "sim": {
                     *           "id": 9001,
                     *           "iccid": "8988303000000001234",
                     *           "imsi": "901431234567890",
                     *           "msisdn": "423663921234"
                     *         },
                     *         "imei": "356938035643809",
                     *         "imei_lock": false,
                     *         "ip_address": "10.192.0.17",
                     *         "ip_address_space": {
                     *           "id": 3
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["EmnifyEndpointList"];
                };
            };
            401: components["responses"]["EmnifyUnauthorized"];
            /** @description `page` is not an integer of 1 or more, or `per_page` is not an integer from 1 to 1000. */
            422: {
                headers: {
                    "X-Mock-Problem": components["headers"]["XMockProblem"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": 422,
                     *       "error_token": "ValidationError",
                     *       "message": "per_page must be between 1 and 1000"
                     *     }
                     */
                    "application/json": components["schemas"]["EmnifyValidationError"];
                };
            };
        };
    };
}
