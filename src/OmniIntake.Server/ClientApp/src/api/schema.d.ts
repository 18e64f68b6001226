// Generated from src/api/openapi.json by `npm run api:types` (scripts/api-types.mjs). Do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/setup/admin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** On a new install only: creates the first admin account. */
        post: operations["SetUpAdmin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff/names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For any member of staff: every account's username with the display name the workspace shows for it. */
        get: operations["ListStaffNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For staff: the complaint categories configured. */
        get: operations["ListCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent's client: the case events after a position, to catch up with the live feed. */
        get: operations["ListEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For staff: cases found by number, phone, e-mail, name or words, best matches first, in pages. */
        get: operations["SearchCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/customer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent: the customer behind a case, with their handles, linked contacts and earlier cases. */
        get: operations["CaseCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For staff: what the escalation rules did on a case when a clock was at risk or breached. */
        get: operations["ListCaseEscalations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalation/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the escalation rules in force, with a code for each named supervisor who cannot be given cases. */
        get: operations["ListEscalationRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{id}/attachments/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For staff: opens (or downloads) a file attached to a message. */
        get: operations["OpenAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For a chat customer: sends a file in their conversation; it joins their complaint. */
        post: operations["UploadChatFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: uploads a file to attach to their next reply on a case. */
        post: operations["UploadCaseFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For staff: the files a customer withdrew from a case, when and why. */
        get: operations["ListWithdrawals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the deadlines a complaint received on a channel at a given time would get under the policy. */
        get: operations["PreviewPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/policy/presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the deadline policy presets and the one in force. */
        get: operations["ListPolicyPresets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/channels/email/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PipedEmail"];
                    };
                };
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PipedEmail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/channels/sms/twilio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/channels/sms/twilio/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/sms/opt-outs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the phone numbers that asked to receive no more SMS. */
        get: operations["ListSmsOptOuts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/dialog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guided dialog that registered the case: the bot's questions and the customer's answers, in order. */
        get: operations["GetCaseDialog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspace/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the workspace needs to show times as the organisation means them: its time zone (IANA id). */
        get: operations["GetWorkspaceSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent or supervisor: gives a case to an agent (or nobody), with a note. */
        post: operations["AssignCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One page of the agent's queue: open cases by the deadline they owe next, with the total and the next page's cursor. */
        get: operations["GetQueuePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs a user in with username and password and returns who they are. */
        post: operations["Login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs the current user out. */
        post: operations["Logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user: username, display name and roles. */
        get: operations["GetMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an admin: every user account. */
        get: operations["ListUsers"];
        put?: never;
        /** For an admin: creates a user account with its roles. */
        post: operations["CreateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** For an admin: changes a user's display name, roles, department or active state. */
        put: operations["UpdateUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** For an admin: sets a user's password. */
        put: operations["SetUserPassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** For an admin: switches an account off (it cannot sign in, is given no cases) or on again; never one's own. */
        put: operations["SetUserDisabled"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent: cases matching filters, newest first, at most 500 a page. */
        get: operations["ListCases"];
        put?: never;
        /** For an agent: registers a complaint taken by phone, at the counter, by letter or from an integration. */
        post: operations["RegisterCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent: a case's file by id or number: facts, messages, deadlines, audit. */
        get: operations["GetCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: sends the customer a reply on the case's channel, with attached files. */
        post: operations["ReplyToCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: forwards a case to the department that must answer it (policy 5.2.2). */
        post: operations["ForwardCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: sets a case's category, or (supervisors) its class, with a reason. */
        post: operations["ClassifyCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: resolves a case with a resolution note. */
        post: operations["ResolveCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: closes a case with a note. */
        post: operations["CloseCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: withdraws an open complaint, with the complainant's reason, once they checked it is voluntary. */
        post: operations["WithdrawCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: merges a duplicate case into the one that answers for it. */
        post: operations["MergeCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: takes a case to work on it (supervisors may take it over). */
        post: operations["ClaimCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: gives back a case they hold. */
        post: operations["ReleaseCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: adds an internal note the customer never sees. */
        post: operations["AddCaseNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/public-reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: records the link of the public reply posted in a forum thread. */
        post: operations["RecordPublicReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent: one contact's profile, with their handles, linked contacts and cases. */
        get: operations["GetContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: records that two contacts are the same person, with the reason. */
        post: operations["LinkContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contacts with this phone, e-mail or identity (as typed, normalised) */
        get: operations["FindContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** For an agent: removes a link between two contacts. */
        delete: operations["UnlinkContacts"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/canned-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent: the canned replies they may use (shared and their own). */
        get: operations["ListCannedReplies"];
        put?: never;
        /** For an agent: saves a canned reply, their own or (supervisors) shared. */
        post: operations["CreateCannedReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/canned-replies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** For an agent: changes a canned reply they may edit. */
        put: operations["UpdateCannedReply"];
        post?: never;
        /** For an agent: deletes a canned reply they may edit. */
        delete: operations["DeleteCannedReply"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/canned-replies/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent: a canned reply with a case's facts filled in, and the placeholders it could not fill. */
        get: operations["RenderCannedReply"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/canned-replies/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail of canned-reply changes, newest first */
        get: operations["CannedReplyChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/macros": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shared macros, by their Chinese name */
        get: operations["ListMacros"];
        put?: never;
        /** Define a macro (supervisors) */
        post: operations["CreateMacro"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/macros/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a macro (supervisors) */
        put: operations["UpdateMacro"];
        post?: never;
        /** Delete a macro (supervisors) */
        delete: operations["DeleteMacro"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/macros/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail of macro changes, newest first */
        get: operations["MacroChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/macros/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a macro will do to this case, the reply filled in */
        get: operations["PreviewMacro"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/macros/{id}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a macro's actions to the case in order, each as its single action; stops at the first refusal */
        post: operations["ApplyMacro"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/owner/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a department owner: the cases forwarded to their department. */
        get: operations["ListOwnerCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/owner/cases/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a department owner: one of their department's cases, by id or number. */
        get: operations["GetOwnerCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/owner/cases/{id}/dialog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guided dialog that registered a case forwarded to my department: the bot's questions and the customer's answers. */
        get: operations["GetOwnerCaseDialog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For a department owner: the department's written answer to a forwarded case. */
        post: operations["AnswerCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/send-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For a department owner: sends a case back to the agents as not theirs, with the reason. */
        post: operations["SendCaseBack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/help": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For a department owner: asks the agents for help on a case. */
        post: operations["AskForHelp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For staff: pauses a case's clock while it waits for the customer or outside expertise. */
        post: operations["PauseCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For staff: restarts a paused case's clock with the time that was left. */
        post: operations["ResumeCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/follow-up/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a customer with a follow-up link: the satisfaction question about their resolved complaint. */
        get: operations["GetFollowUpQuestion"];
        put?: never;
        /** For a customer with a follow-up link: records whether they are satisfied with the resolution. */
        post: operations["AnswerFollowUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent: the follow-up questions sent about a case and the answers. */
        get: operations["ListFollowUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: records the answer a customer gave to the follow-up by phone. */
        post: operations["RecordFollowUpAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For an agent: reopens a resolved case, with the reason. */
        post: operations["ReopenCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends the customer a one-time code to the phone or e-mail of their complaint, to open its status page. */
        post: operations["RequestStatusCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Checks the customer's one-time code and opens a status session for their complaint. */
        post: operations["VerifyStatusCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the customer sees of their complaint on the status page: its status, deadlines and replies. */
        get: operations["GetStatusView"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adds the customer's further information to their complaint from the status page. */
        post: operations["AddStatusInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adds a file the customer uploads on the status page to their complaint. */
        post: operations["AddStatusFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraws the customer's open complaint from the status page, with their reason. */
        post: operations["WithdrawComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/classes/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: groups of similar complaints the hub found, to confirm as one issue. */
        get: operations["ListSimilarGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/classes/groups/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For a supervisor: confirms a group of similar complaints as one issue (its class rises). */
        post: operations["ConfirmSimilarGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/classes/groups/members/{caseId}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For a supervisor: takes a case out of its group of similar complaints. */
        post: operations["RemoveFromSimilarGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/complainants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For staff: everyone who complained about a case's issue. */
        get: operations["ListComplainants"];
        put?: never;
        /** For an agent: adds a further complainant to a case. */
        post: operations["AddComplainant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/special-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the special report of a major case, as text to send on. */
        get: operations["GetSpecialReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the live board: open cases by status, class and deadline, and who is online. */
        get: operations["GetBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: complaints received per day, week or month up to a chosen day, with the forwarding and answer deadlines met and missed (flow), optionally of one channel and one department. */
        get: operations["GetTrends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/board/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open cases a bucket of the board counts (bucket: open, inWindow, atRisk, breached, awaitingAnswer), optionally of one row (channel, department code or "(not forwarded)", agent or "(unclaimed)"), the most urgent first. */
        get: operations["ListBoardCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The departments cases can be forwarded to. */
        get: operations["ListDepartments"];
        put?: never;
        /** For an admin: adds a department cases can be forwarded to. */
        post: operations["CreateDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/category-departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The department each mapped category's complaints are forwarded to. */
        get: operations["ListCategoryDepartments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/category-departments/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Maps a category to a department (departmentId null: no mapping). */
        put: operations["SetCategoryDepartment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the working calendar (working days, holidays and hours) the deadlines are counted on. */
        get: operations["GetCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/days/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** For an admin: makes one date a working day or a day off; open deadlines are recounted. */
        put: operations["SetCalendarDay"];
        post?: never;
        /** For an admin: undoes the organisation's setting of one date (it follows the official calendar again); open deadlines are recounted. */
        delete: operations["RemoveCalendarDay"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/pollers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: each channel poller's last run, error and next run. */
        get: operations["ListPollers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: raw inbound messages as received, newest first, to find one that failed. */
        get: operations["ListRawMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/raw/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the bytes of one raw inbound message as received. */
        get: operations["GetRawMessageContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/raw/{id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For a supervisor: runs one raw inbound message through the intake again. */
        post: operations["ReprocessRawMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: outgoing messages that failed or wait for a retry. */
        get: operations["ListOutboxProblems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/forum": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the forums the hub polls for complaints. */
        get: operations["ListForumSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/forum/{source}/poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** For a supervisor: polls one forum source now instead of waiting for its schedule. */
        post: operations["PollForumNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/dialogs/set-aside": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: chat and SMS dialogs set aside because they could not be understood. */
        get: operations["ListSetAsideDialogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the report of any period on demand, as JSON, CSV or XLSX. */
        get: operations["GetReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/generated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: the reports generated on schedule, newest first. */
        get: operations["ListGeneratedReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/generated/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a supervisor: one generated report, as JSON, CSV or XLSX. */
        get: operations["GetGeneratedReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When the next half-monthly and monthly reports will be generated and are due (policy 5.6.1), and the organisation's report language. */
        get: operations["GetReportSchedule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent: each agent's open cases and whether they are away, to choose whom to assign. */
        get: operations["GetTeamLoad"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/me/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For an agent: whether they are marked away (no new assignments). */
        get: operations["GetMyAvailability"];
        /** For an agent: marks them away or back. */
        put: operations["SetMyAvailability"];
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
        AddComplainantRequest: {
            name?: null | string;
            phone?: null | string;
            email?: null | string;
        };
        AgentLoadView: {
            /** Format: int64 */
            id: number;
            username: string;
            displayName: string;
            /** Format: int32 */
            openCases: number;
            online: boolean;
            away: boolean;
            /** Format: date-time */
            oldestDueAt: null | string;
        };
        AnswerRequest: {
            text: string;
        };
        AssignRequest: {
            /** Format: int64 */
            userId?: null | number;
            note?: null | string;
        };
        Attachment: {
            fileName: string;
            contentType: string;
            /** Format: int64 */
            size: number;
            storageKey: null | string;
            refusedReason: null | string;
        };
        AuditView: {
            /** Format: int64 */
            id: number;
            /** Format: date-time */
            at: string;
            actor: string;
            action: string;
            detail: string;
        };
        Availability: {
            away: boolean;
        };
        Board: {
            /** Format: date-time */
            at: string;
            /** Format: int64 */
            inWindow: number;
            /** Format: int64 */
            atRisk: number;
            /** Format: int64 */
            breached: number;
            /** Format: int64 */
            awaitingAnswer: number;
            byChannel: components["schemas"]["BoardRow"][];
            byDepartment: components["schemas"]["BoardRow"][];
            byAgent: components["schemas"]["BoardRow"][];
            oldestWaiting: null | components["schemas"]["OldestCase"];
        };
        BoardCase: {
            /** Format: int64 */
            id: number;
            number: string;
            channel: string;
            status: string;
            class: string;
            category: null | string;
            department: null | string;
            claimedBy: null | string;
            subject: null | string;
            /** Format: date-time */
            receivedAt: string;
            deadlineKind: null | string;
            /** Format: date-time */
            dueAt: null | string;
            standing: null | string;
        };
        BoardRow: {
            key: string;
            /** Format: int64 */
            inWindow: number;
            /** Format: int64 */
            atRisk: number;
            /** Format: int64 */
            breached: number;
            /** Format: int64 */
            open: number;
        };
        BoardView: {
            board: components["schemas"]["Board"];
            online: string[];
            onlinePeople: components["schemas"]["OnlinePerson"][];
        };
        CalendarDayChanged: {
            day: string;
            working: boolean;
            name: string;
            recomputeJobId: string;
        };
        CalendarDayRemoved: {
            day: string;
            recomputeJobId: string;
        };
        CalendarDayView: {
            day: string;
            working: boolean;
            name: string;
            updatedBy: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CalendarView: {
            timeZone: string;
            adminDays: components["schemas"]["CalendarDayView"][];
            changes: components["schemas"]["CalendarDayView"][];
            shippedYears: number[];
            officialDays: components["schemas"]["OfficialDay"][];
            workingWeekdays: number[];
        };
        CannedReplyRequest: {
            shortcut?: null | string;
            title?: null | string;
            language?: null | string;
            text?: null | string;
            shared: boolean;
        };
        CannedReplyView: {
            /** Format: int64 */
            id: number;
            shortcut: string;
            title: string;
            language: string;
            text: string;
            owner: null | string;
            shared: boolean;
            updatedBy: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CaseDetail: {
            case: components["schemas"]["CaseSummary"];
            fields: components["schemas"]["CaseFieldsView"];
            messages: components["schemas"]["MessageView"][];
            audit: components["schemas"]["AuditView"][];
            deadlines: components["schemas"]["DeadlineView"][];
            contactHandles: string[];
            pause: null | components["schemas"]["CasePauseView"];
        };
        CaseEvent: {
            /** Format: int64 */
            position: number;
            kind: string;
            /** Format: int64 */
            caseId: number;
            caseNumber: string;
            /** Format: date-time */
            occurredAt: string;
            data: string;
        };
        CaseFieldsView: {
            complainantName: null | string;
            contactPhone: null | string;
            contactEmail: null | string;
            occurredAt: null | string;
            location: null | string;
            customerRequest: null | string;
        };
        CaseParty: {
            /** Format: int64 */
            contactId: number;
            name: null | string;
            handles: string;
            /** Format: date-time */
            addedAt: string;
            addedBy: string;
        };
        CasePauseView: {
            waitingFor: string;
            reason: string;
            pausedBy: string;
            /** Format: date-time */
            pausedAt: string;
        };
        CaseSearchHit: {
            /** Format: int64 */
            id: number;
            number: string;
            channel: string;
            status: string;
            class: string;
            category: null | string;
            subject: null | string;
            complainantName: null | string;
            /** Format: int64 */
            contactId: number;
            /** Format: int64 */
            departmentId: null | number;
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            lastInboundAt: string;
            /** Format: date-time */
            resolvedAt: null | string;
            /** Format: date-time */
            closedAt: null | string;
            /** Format: int64 */
            mergedIntoId: null | number;
            claimedBy: null | string;
            /** Format: int32 */
            score: number;
            matchedOn: string[];
        };
        CaseSearchPage: {
            items: components["schemas"]["CaseSearchHit"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            pageSize: number;
            hasMore: boolean;
        };
        CaseSummary: {
            /** Format: int64 */
            id: number;
            number: string;
            channel: string;
            status: string;
            class: string;
            category: null | string;
            subject: null | string;
            complainantName: null | string;
            /** Format: int64 */
            contactId: number;
            /** Format: int64 */
            departmentId: null | number;
            /** Format: int64 */
            relatedCaseId: null | number;
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            lastInboundAt: string;
            claimedBy: null | string;
            claimedByName: null | string;
            /** Format: int64 */
            mergedIntoId: null | number;
            /** Format: date-time */
            firstForwardedAt: null | string;
            /** Format: date-time */
            forwardDueAt: null | string;
            /** Format: date-time */
            forwardWarnAt: null | string;
            forwardState: null | string;
            /** Format: date-time */
            answerDueAt: null | string;
            /** Format: date-time */
            answerWarnAt: null | string;
        };
        Category: {
            code: string;
            nameZh: string;
            nameEn: string;
        };
        CategoryDepartment: {
            category: string;
            /** Format: int64 */
            departmentId: number;
        };
        CategoryMappingRequest: {
            /** Format: int64 */
            departmentId?: null | number;
        };
        Channel: number;
        ChatFileResult: {
            caseNumber: null | string;
            fileName: string;
            /** Format: int64 */
            size: number;
            contentType: string;
            message: components["schemas"]["ChatMessage"];
        };
        ChatMessage: {
            /** Format: int64 */
            id: number;
            direction: string;
            text: string;
            /** Format: date-time */
            at: string;
        };
        ClassifyRequest: {
            class?: null | string;
            category?: null | string;
            reason?: null | string;
        };
        CloseRequest: {
            note?: null | string;
        };
        ComplainantAdded: {
            /** Format: int32 */
            complainants: number;
        };
        ContactHit: {
            /** Format: int64 */
            contactId: number;
            name: null | string;
            /** Format: int64 */
            cases: number;
            handles: components["schemas"]["HandleView"][];
        };
        ContactLinked: {
            /** Format: int64 */
            linkId: number;
        };
        ContactLinkView: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            contactId: number;
            /** Format: int64 */
            otherContactId: number;
            reason: string;
            linkedBy: string;
            /** Format: date-time */
            linkedAt: string;
            unlinkedBy: null | string;
            /** Format: date-time */
            unlinkedAt: null | string;
        };
        CreateDepartmentRequest: {
            code: string;
            name: string;
        };
        CreateUserRequest: {
            username: string;
            displayName?: null | string;
            password: string;
            roles: string[];
            /** Format: int64 */
            departmentId?: null | number;
        };
        CustomerCase: {
            /** Format: int64 */
            id: number;
            number: string;
            channel: string;
            status: string;
            class: string;
            category: null | string;
            subject: null | string;
            /** Format: int64 */
            contactId: number;
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            resolvedAt: null | string;
            /** Format: date-time */
            closedAt: null | string;
            /** Format: int64 */
            mergedIntoId: null | number;
            /** Format: int32 */
            satisfaction: null | number;
            solved: null | boolean;
            repeat: boolean;
            current: boolean;
        };
        CustomerProfile: {
            /** Format: int64 */
            contactId: number;
            name: null | string;
            contacts: components["schemas"]["PersonContact"][];
            handles: components["schemas"]["HandleView"][];
            links: components["schemas"]["ContactLinkView"][];
            cases: components["schemas"]["CustomerCase"][];
            repeatComplainant: boolean;
            /** Format: int32 */
            openCases: number;
            moreCases: boolean;
        };
        DeadlineRuleCode: {
            code: string;
            parameters: Record<string, never>;
        };
        DeadlineView: {
            /** Format: int64 */
            id: number;
            kind: string;
            /** Format: date-time */
            dueAt: string;
            rule: string;
            ruleCode: components["schemas"]["DeadlineRuleCode"];
            state: string;
            /** Format: date-time */
            closedAt: null | string;
            /** Format: date-time */
            warnAt: null | string;
            /** Format: date-time */
            warnedAt: null | string;
            /** Format: date-time */
            pausedAt: null | string;
            /** Format: int64 */
            remainingSeconds: null | number;
        };
        DepartmentView: {
            /** Format: int64 */
            id: number;
            code: string;
            name: string;
        };
        DialogLine: {
            /** Format: int64 */
            id: number;
            speaker: string;
            text: string;
            /** Format: date-time */
            createdAt: string;
        };
        EscalationRuleView: {
            clock: string;
            on: string;
            notify: boolean;
            raiseClass: boolean;
            assignTo: null | string;
            assignToProblem: null | string;
        };
        EscalationView: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            deadlineId: number;
            clock: string;
            phase: string;
            /** Format: date-time */
            at: string;
            notified: boolean;
            raiseClass: boolean;
            assignTo: null | string;
            raisedFrom: null | string;
            raisedTo: null | string;
            assignedTo: null | string;
            assignRefusedCode: null | string;
        };
        EventPage: {
            events: components["schemas"]["CaseEvent"][];
            hasMore: boolean;
            /** Format: int64 */
            lastPosition: number;
            /** Format: int64 */
            head: number;
        };
        FeedPollResult: {
            notModified: boolean;
            /** Format: int32 */
            items: number;
            /** Format: int32 */
            taken: number;
            /** Format: int32 */
            ignored: number;
            error: null | string;
            /**
             * Format: int32
             * @default 0
             */
            setAside: number;
            warning: null | string;
        };
        FollowUpAnswerRequest: {
            /** Format: int32 */
            satisfaction?: null | number;
            solved?: null | boolean;
            comment?: null | string;
        };
        FollowUpQuestion: {
            caseNumber: string;
            answered: boolean;
        };
        FollowUpView: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            caseId: number;
            caseNumber: string;
            /** Format: date-time */
            createdAt: string;
            channel: null | string;
            /** Format: date-time */
            answeredAt: null | string;
            answeredBy: null | string;
            /** Format: int32 */
            satisfaction: null | number;
            solved: null | boolean;
            comment: null | string;
        };
        ForumSourceView: {
            name: string;
            kind: string;
            scheduled: boolean;
            poller: string;
        };
        ForwardRequest: {
            /** Format: int64 */
            departmentId: number;
            note?: null | string;
        };
        GeneratedReport: {
            /** Format: int64 */
            id: number;
            kind: string;
            period: string;
            dueBy: string;
            /** Format: date-time */
            generatedAt: string;
        };
        HandleView: {
            kind: string;
            value: string;
            /** Format: int64 */
            contactId: number;
        };
        LinkContactsRequest: {
            /** Format: int64 */
            otherContactId: number;
            reason?: null | string;
        };
        LoginRequest: {
            username: string;
            password: string;
        };
        MacroAction: {
            kind: string;
            /** Format: int64 */
            cannedReplyId?: null | number;
            category?: null | string;
            class?: null | string;
            /** Format: int64 */
            departmentId?: null | number;
            waitingFor?: null | string;
            note?: null | string;
        };
        MacroPreview: {
            /** Format: int64 */
            macroId: number;
            nameZh: string;
            nameEn: string;
            steps: components["schemas"]["MacroStepPreview"][];
        };
        MacroRequest: {
            nameZh?: null | string;
            nameEn?: null | string;
            actions?: null | components["schemas"]["MacroAction"][];
        };
        MacroRun: {
            /** Format: int64 */
            macroId: number;
            /** Format: int64 */
            caseId: number;
            applied: components["schemas"]["MacroStepDone"][];
        };
        MacroStepDone: {
            /** Format: int32 */
            step: number;
            kind: string;
        };
        MacroStepPreview: {
            /** Format: int32 */
            step: number;
            kind: string;
            text: null | string;
            missing: null | string[];
            category: null | string;
            class: null | string;
            /** Format: int64 */
            departmentId: null | number;
            departmentName: null | string;
            waitingFor: null | string;
            note: null | string;
            needsConfirmation: boolean;
        };
        MacroView: {
            /** Format: int64 */
            id: number;
            nameZh: string;
            nameEn: string;
            actions: components["schemas"]["MacroAction"][];
            updatedBy: string;
            /** Format: date-time */
            updatedAt: string;
        };
        MergeRequest: {
            into: string;
            reason?: null | string;
        };
        MessageView: {
            /** Format: int64 */
            id: number;
            direction: string;
            channel: string;
            externalId: null | string;
            sender: string;
            author: null | string;
            subject: null | string;
            bodyText: string;
            bodyHtml: null | string;
            attachments: string;
            notices: string;
            /** Format: date-time */
            createdAt: string;
            deliveryStatus: null | string;
            deliveryError: null | string;
            /** Format: int32 */
            deliveryAttempts: null | number;
            providerStatus: null | string;
            /** Format: int32 */
            segments: null | number;
            /** Format: int32 */
            quoteStart: null | number;
        };
        NoteRequest: {
            text: string;
        };
        OfficialDay: {
            day: string;
            working: boolean;
            /** @default other */
            holiday: string;
        };
        OldestCase: {
            /** Format: int64 */
            id: number;
            number: string;
            channel: string;
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            dueAt: string;
            state: string;
        };
        OnlinePerson: {
            username: string;
            displayName: string;
        };
        OptOut: {
            phone: string;
            keyword: string;
            /** Format: date-time */
            optedOutAt: string;
        };
        OutboxProblem: {
            /** Format: int64 */
            id: number;
            caseNumber: string;
            /** Format: int64 */
            caseId: number;
            /** Format: int64 */
            messageId: number;
            channel: string;
            recipient: string;
            status: string;
            /** Format: int32 */
            attempts: number;
            lastError: null | string;
            /** Format: date-time */
            nextAttemptAt: string;
            providerStatus: null | string;
            /** Format: date-time */
            createdAt: string;
        };
        OwnerRequest: {
            text: string;
        };
        PauseRequest: {
            reason?: null | string;
            waitingFor?: null | string;
        };
        PeriodReport: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** Format: int64 */
            cases: number;
            byCategory: components["schemas"]["ReportCount"][];
            byChannel: components["schemas"]["ReportCount"][];
            byClass: components["schemas"]["ReportCount"][];
            byDepartment: components["schemas"]["ReportCount"][];
            indicators: components["schemas"]["ReportIndicators"];
            classCases: components["schemas"]["ReportedCase"][];
            paused: components["schemas"]["ReportPausedTime"];
        };
        PersonContact: {
            /** Format: int64 */
            id: number;
            name: null | string;
            /** Format: date-time */
            createdAt: string;
        };
        PipedEmail: {
            kind: null | string;
            /** Format: int64 */
            rawId: number;
            caseNumber: null | string;
            outcome: null | string;
        };
        PolicyPresetInfo: {
            name: string;
            description: string;
        };
        PolicyPresetList: {
            inForce: string;
            presets: components["schemas"]["PolicyPresetInfo"][];
        };
        PolicyPreview: {
            channel: string;
            /** Format: date-time */
            receivedAt: string;
            workingTime: boolean;
            deadlines: components["schemas"]["PreviewedDeadline"][];
        };
        PollerView: {
            name: string;
            status: string;
            cursor: null | string;
            /** Format: int64 */
            taken: number;
            /** Format: date-time */
            lastSuccessAt: null | string;
            /** Format: date-time */
            lastAttemptAt: null | string;
            /** Format: int32 */
            failures: number;
            lastError: null | string;
            leaseHolder: null | string;
            /**
             * Format: int64
             * @default 0
             */
            ignored: number;
        };
        PreviewedDeadline: {
            kind: string;
            /** Format: date-time */
            dueAt: string;
            rule: string;
            assumption: null | string;
            ruleCode: components["schemas"]["DeadlineRuleCode"];
        };
        ProblemDetails: {
            type: null | string;
            title: null | string;
            /** Format: int32 */
            status: null | number;
            detail: null | string;
            instance: null | string;
        };
        PublicReplyRequest: {
            link: string;
        };
        QueuePage: {
            cases: components["schemas"]["CaseSummary"][];
            /** Format: int32 */
            total: number;
            next: null | string;
        };
        RawDisposition: number;
        RegisterCaseRequest: {
            channel: string;
            text: string;
            subject?: null | string;
            complainantName?: null | string;
            phone?: null | string;
            email?: null | string;
            occurredAt?: null | string;
            location?: null | string;
            customerRequest?: null | string;
            category?: null | string;
            /** Format: date-time */
            receivedAt?: null | string;
            addToCase?: null | string;
        };
        RegisteredCase: {
            /** Format: int64 */
            caseId: number;
            number: string;
            outcome: string;
            /** Format: date-time */
            forwardDueAt: null | string;
        };
        RemoveFromGroupRequest: {
            reason?: null | string;
        };
        RenderedReply: {
            text: string;
            missing: string[];
        };
        ReopenRequest: {
            reason?: null | string;
        };
        ReplyRequest: {
            text: string;
            attachments?: null | string[];
        };
        ReportCount: {
            key: string;
            /** Format: int64 */
            count: number;
        };
        ReportedCase: {
            number: string;
            class: string;
            status: string;
            channel: string;
            category: null | string;
            department: null | string;
            /** Format: date-time */
            receivedAt: string;
            subject: null | string;
        };
        ReportIndicators: {
            /** Format: double */
            onTimeForwardingRate: null | number;
            /** Format: double */
            delayRate: null | number;
            /** Format: double */
            redispatchRate: null | number;
            /** Format: double */
            repeatComplaintRate: null | number;
            /** Format: double */
            closureRate: null | number;
            /** Format: double */
            satisfaction: null | number;
            /** Format: int64 */
            forwardsMet: number;
            /** Format: int64 */
            forwardsBreached: number;
            /** Format: int64 */
            forwardsPending: number;
        };
        ReportPausedTime: {
            /** Format: int64 */
            pauses: number;
            /** Format: int64 */
            cases: number;
            /** Format: int64 */
            inForce: number;
            /** Format: double */
            pausedHours: number;
            /** Format: double */
            waitingForCustomerHours: number;
        };
        ReportScheduleView: {
            language: string;
            next: components["schemas"]["UpcomingReport"][];
        };
        ReprocessResult: {
            /** Format: int64 */
            rawId: number;
            disposition: string;
            /** Format: int64 */
            caseId: null | number;
            error: null | string;
        };
        ResolveRequest: {
            note?: null | string;
        };
        ResumeRequest: {
            reason?: null | string;
        };
        SetAsideDialogView: {
            id: string;
            channel: string;
            caseNumber: null | string;
            reason: string;
            /** Format: date-time */
            setAsideAt: string;
        };
        SetCalendarDayRequest: {
            working: boolean;
            name: string;
        };
        SetPasswordRequest: {
            password: string;
        };
        SettingChangeView: {
            /** Format: int64 */
            id: number;
            subject: string;
            /** Format: int64 */
            subjectId: number;
            /** Format: date-time */
            at: string;
            actor: string;
            action: string;
            before: null | string;
            after: null | string;
        };
        SetupRequest: {
            setupCode: string;
            username: string;
            password: string;
            displayName?: null | string;
        };
        SetUserDisabledRequest: {
            disabled: boolean;
        };
        SimilarGroup: {
            /** Format: int64 */
            id: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            confirmedAt: null | string;
            confirmedBy: null | string;
            /** Format: int32 */
            complainants: number;
            members: components["schemas"]["SimilarMember"][];
        };
        SimilarMember: {
            /** Format: int64 */
            groupId: number;
            /** Format: int64 */
            caseId: number;
            number: string;
            subject: null | string;
            status: string;
            class: string;
            /** Format: int64 */
            contactId: number;
            /** Format: double */
            score: number;
            /** Format: date-time */
            receivedAt: string;
        };
        StaffName: {
            username: string;
            displayName: string;
        };
        StatusActionResult: {
            caseNumber: string;
            newCase: boolean;
        };
        StatusCodeRequest: {
            caseNumber?: null | string;
            contact?: null | string;
            language?: null | string;
        };
        StatusInfoRequest: {
            text?: null | string;
        };
        StatusInfoResult: {
            caseNumber: string;
            newCase: boolean;
        };
        StatusReply: {
            /** Format: date-time */
            at: string;
            text: string;
        };
        StatusSession: {
            token: string;
            /** Format: int32 */
            expiresInSeconds: number;
        };
        StatusStep: {
            key: string;
            done: boolean;
            /** Format: date-time */
            at: null | string;
        };
        StatusVerifyRequest: {
            caseNumber?: null | string;
            code?: null | string;
        };
        StatusView: {
            caseNumber: string;
            status: string;
            steps: components["schemas"]["StatusStep"][];
            /** Format: date-time */
            forwardDueAt: null | string;
            /** Format: date-time */
            answerDueAt: null | string;
            replies: components["schemas"]["StatusReply"][];
            timeZone: string;
            /** Format: date-time */
            withdrawalRequestedAt: null | string;
        };
        StatusWithdrawRequest: {
            reason?: null | string;
        };
        StoredRawMessage: {
            /** Format: int64 */
            id: number;
            channel: components["schemas"]["Channel"];
            externalId: string;
            contentType: string;
            /** Format: int32 */
            size: number;
            /** Format: date-time */
            receivedAt: string;
            disposition: components["schemas"]["RawDisposition"];
            /** Format: int64 */
            caseId: null | number;
            error: null | string;
        };
        /** Format: binary */
        Stream: string;
        TeamLoad: {
            /** Format: int32 */
            capacity: number;
            automatic: boolean;
            agents: components["schemas"]["AgentLoadView"][];
        };
        TrendFlow: {
            /** Format: int64 */
            received: number;
            /** Format: int64 */
            forwardedInTime: number;
            /** Format: int64 */
            forwardedLate: number;
            /** Format: int64 */
            answeredInTime: number;
            /** Format: int64 */
            answeredLate: number;
        };
        TrendPoint: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** Format: int64 */
            cases: number;
            indicators: components["schemas"]["ReportIndicators"];
            flow: components["schemas"]["TrendFlow"];
        };
        UpcomingReport: {
            kind: string;
            period: string;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** Format: date */
            generatedOn: string;
            /** Format: date */
            dueBy: string;
        };
        UpdateUserRequest: {
            displayName?: null | string;
            roles?: null | string[];
            /** Format: int64 */
            departmentId?: null | number;
            unlock: boolean;
        };
        UserResponse: {
            /** Format: int64 */
            id: number;
            username: string;
            displayName: string;
            roles: string[];
            /** Format: int64 */
            departmentId: null | number;
            /** @default false */
            disabled: boolean;
        };
        WithdrawalView: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            caseId: number;
            reason: string;
            /** Format: date-time */
            requestedAt: string;
            /** Format: int64 */
            messageId: null | number;
        };
        WithdrawRequest: {
            reason?: null | string;
        };
        WorkspaceSettings: {
            timeZone: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    SetUpAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetupRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListStaffNames: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffName"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListEvents: {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SearchCases: {
        parameters: {
            query?: {
                q?: string;
                status?: string;
                open?: boolean;
                channel?: string;
                class?: string;
                category?: string;
                departmentId?: number;
                from?: string;
                to?: string;
                sort?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSearchPage"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CaseCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerProfile"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListCaseEscalations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListEscalationRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationRuleView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    OpenAttachment: {
        parameters: {
            query?: {
                inline?: boolean;
            };
            header?: never;
            path: {
                id: number;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Stream"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UploadChatFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatFileResult"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UploadCaseFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListWithdrawals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WithdrawalView"][];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PreviewPolicy: {
        parameters: {
            query?: {
                channel?: string;
                receivedAt?: string;
                preset?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyPreview"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListPolicyPresets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyPresetList"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListSmsOptOuts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptOut"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetCaseDialog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DialogLine"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetWorkspaceSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceSettings"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AssignCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetQueuePage: {
        parameters: {
            query?: {
                after?: string;
                limit?: number;
                assignee?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuePage"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UpdateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SetUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPasswordRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SetUserDisabled: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetUserDisabledRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListCases: {
        parameters: {
            query?: {
                status?: string;
                channel?: string;
                class?: string;
                departmentId?: number;
                open?: boolean;
                mine?: boolean;
                unassigned?: boolean;
                q?: string;
                before?: number;
                limit?: number;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummary"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RegisterCase: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterCaseRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredCase"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredCase"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReplyToCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ForwardCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForwardRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ClassifyCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassifyRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ResolveCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["ResolveRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CloseCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["CloseRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    WithdrawCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["WithdrawRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    MergeCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ClaimCase: {
        parameters: {
            query?: {
                takeOver?: boolean;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReleaseCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AddCaseNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RecordPublicReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicReplyRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerProfile"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    LinkContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkContactsRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactLinked"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    FindContacts: {
        parameters: {
            query?: {
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactHit"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UnlinkContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListCannedReplies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReplyView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateCannedReply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CannedReplyRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReplyView"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UpdateCannedReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CannedReplyRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CannedReplyView"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DeleteCannedReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RenderCannedReply: {
        parameters: {
            query: {
                caseId: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderedReply"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CannedReplyChanges: {
        parameters: {
            query?: {
                id?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingChangeView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListMacros: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MacroView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateMacro: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MacroRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MacroView"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UpdateMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MacroRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MacroView"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DeleteMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    MacroChanges: {
        parameters: {
            query?: {
                id?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingChangeView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PreviewMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: number;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MacroPreview"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ApplyMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: number;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MacroRun"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListOwnerCases: {
        parameters: {
            query?: {
                before?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSummary"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetOwnerCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetOwnerCaseDialog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DialogLine"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AnswerCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SendCaseBack: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OwnerRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AskForHelp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OwnerRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PauseCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PauseRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ResumeCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["ResumeRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetFollowUpQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpQuestion"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AnswerFollowUp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpAnswerRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListFollowUps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RecordFollowUpAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FollowUpAnswerRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReopenCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["ReopenRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RequestStatusCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusCodeRequest"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    VerifyStatusCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusVerifyRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusSession"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetStatusView: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusView"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AddStatusInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusInfoRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusInfoResult"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AddStatusFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusActionResult"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    WithdrawComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusWithdrawRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusActionResult"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListSimilarGroups: {
        parameters: {
            query?: {
                all?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimilarGroup"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ConfirmSimilarGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RemoveFromSimilarGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["RemoveFromGroupRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListComplainants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseParty"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AddComplainant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddComplainantRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplainantAdded"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetSpecialReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetBoard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardView"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetTrends: {
        parameters: {
            query?: {
                by?: string;
                count?: number;
                to?: string;
                channel?: string;
                department?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrendPoint"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListBoardCases: {
        parameters: {
            query?: {
                bucket?: string;
                channel?: string;
                department?: string;
                agent?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardCase"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDepartmentRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentView"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListCategoryDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryDepartment"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SetCategoryDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                category: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryMappingRequest"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarView"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SetCalendarDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                day: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCalendarDayRequest"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDayChanged"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RemoveCalendarDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                day: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDayRemoved"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListPollers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PollerView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListRawMessages: {
        parameters: {
            query?: {
                disposition?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredRawMessage"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetRawMessageContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["Stream"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReprocessRawMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReprocessResult"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListOutboxProblems: {
        parameters: {
            query?: {
                status?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxProblem"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListForumSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForumSourceView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PollForumNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedPollResult"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListSetAsideDialogs: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetAsideDialogView"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetReport: {
        parameters: {
            query?: {
                period?: string;
                from?: string;
                to?: string;
                format?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodReport"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ListGeneratedReports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GeneratedReport"][];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetGeneratedReport: {
        parameters: {
            query?: {
                format?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodReport"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetReportSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportScheduleView"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetTeamLoad: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamLoad"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    GetMyAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SetMyAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Availability"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            /** @description Refused or failed: a problem with a stable code the workspace says in the user's language. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
