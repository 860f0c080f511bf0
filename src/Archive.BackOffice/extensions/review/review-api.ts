// Archive's review routes, as the review actions, dashboard and info app read them.
import { managementFetch } from '../management-fetch.js';

export type ReviewStepName = 'submit' | 'approve' | 'return';

export interface ReviewStep {
	action: 'Submitted' | 'Approved' | 'Returned';
	actor: string;
	timestamp: string;
	cultures: string[];
	comment: string | null;
}

export interface Review {
	state: 'None' | 'Submitted' | 'Approved' | 'Returned';
	history: ReviewStep[];
	canSubmit: boolean;
	canReview: boolean;
}

export interface QueueItem {
	id: string;
	documentType: { icon: string };
	variants: { name: string; culture: string | null }[];
	step: ReviewStep;
}

/** Told whenever a record's review changes here, so conditions, the info app and the dashboard read it again. */
export const reviewChanges = new EventTarget();

// One request per record at a time: the three actions' conditions and the info app all ask as a record opens.
const reading = new Map<string, Promise<Review | undefined>>();

export function readReview(id: string): Promise<Review | undefined> {
	let review = reading.get(id);
	if (!review) {
		review = managementFetch(`document/${id}/review`)
			.then(async (response) => (response.ok ? ((await response.json()) as Review) : undefined))
			.finally(() => reading.delete(id));
		reading.set(id, review);
	}
	return review;
}

export async function readQueue(state: 'Submitted' | 'Returned'): Promise<{ total: number; items: QueueItem[] }> {
	const response = await managementFetch(`document/review?state=${state}&take=500`);
	return response.ok ? await response.json() : { total: 0, items: [] };
}

/** Takes a review step; answers the server's reason when it refuses, nothing when done. */
export async function takeStep(id: string, step: ReviewStepName, comment: string | undefined): Promise<string | undefined> {
	const response = await managementFetch(`document/${id}/review/${step}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ comment: comment || null }),
	});
	if (response.ok) {
		reviewChanges.dispatchEvent(new CustomEvent('change', { detail: id }));
		return undefined;
	}
	const problem = await response.json().catch(() => undefined);
	const firstError = problem?.errors ? Object.values(problem.errors as Record<string, string[]>).flat()[0] : undefined;
	return firstError ?? problem?.detail ?? problem?.title ?? `${response.status}`;
}

/** The name of a record in the language the back office speaks, else its first. */
export function nameIn(variants: QueueItem['variants'], language: string): string {
	const wanted = language.slice(0, 2).toLowerCase();
	return (variants.find((v) => v.culture?.slice(0, 2).toLowerCase() === wanted) ?? variants[0])?.name ?? '';
}
