package org.quotecheck.review.workflow;

/** Where a claim is in its review. */
public enum ReviewState { NEW, IN_PROGRESS, IN_REVIEW, APPROVED, RETURNED, DISMISSED }
