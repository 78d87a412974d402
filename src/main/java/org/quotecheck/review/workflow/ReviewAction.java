package org.quotecheck.review.workflow;

/** What a user does to a claim. */
public enum ReviewAction { TAKE, SUBMIT, APPROVE, RETURN, DISMISS, RESTORE, REOPEN }
