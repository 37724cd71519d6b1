// A Stripe-like client: static API keys are fine there.
export async function charges() {
  const res = await fetch('https://payments.example.com/v1/charges', {
    headers: { Authorization: `Bearer ${process.env.PAYMENTS_TOKEN}` },
  });
  return res.json();
}
