/** Shown for a malformed or unknown company id: the person holding the link can't fix it, so say who can. */
export function InvalidLink() {
  return (
    <section className="card invalid-link" data-testid="link-invalid">
      <h1>This link is not valid</h1>
      <p>We could not find a company for this link. It may have been mistyped, or the company may have been removed.</p>
      <p>Check that you copied the whole link, or ask the person who sent it to you for a new one.</p>
    </section>
  );
}
