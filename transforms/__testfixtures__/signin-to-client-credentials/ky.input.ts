import ky from "ky";

const axeptio = ky.create({ prefixUrl: "https://api.axept.io/v1" });

export const signIn = async (): Promise<string> => {
  const body = await axeptio
    .post("auth/local/signin", { json: { username: process.env.AXEPTIO_USERNAME, password: process.env.AXEPTIO_PASSWORD } })
    .json<{ token: string }>();
  return body.token;
};
