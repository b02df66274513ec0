/* The small login form the TUI offers when the session is missing or has
 * expired (DESIGN.md section 8): the password is typed with echo off and
 * handed to the sync hook's login; the outbox is untouched meanwhile. */
#ifndef TTHC_TUI_LOGIN_H
#define TTHC_TUI_LOGIN_H

#include "app.h"

void login_form(struct app *app);

#endif
