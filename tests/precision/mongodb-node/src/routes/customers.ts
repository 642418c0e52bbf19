import { Router, Request, Response, NextFunction } from "express";
import * as customers from "../services/customers";

const router = Router();

type Handler = (req: Request, res: Response) => Promise<unknown>;

const handle = (fn: Handler) => (req: Request, res: Response, next: NextFunction) => {
  fn(req, res).catch((err: unknown) => {
    if (err instanceof customers.HttpError) {
      res.status(err.status).json({ error: err.message });
      return;
    }
    next(err);
  });
};

router.post(
  "/",
  handle(async (req, res) => {
    res.status(201).json(await customers.register(req.body));
  }),
);

router.get(
  "/search",
  handle(async (req, res) => {
    const limit = Number(req.query.limit ?? 20);
    res.json(await customers.search(String(req.query.q ?? ""), limit));
  }),
);

router.get(
  "/stats",
  handle(async (_req, res) => {
    res.json(await customers.stats());
  }),
);

router.get(
  "/:id",
  handle(async (req, res) => {
    res.json(await customers.getCustomer(req.params.id));
  }),
);

router.patch(
  "/:id",
  handle(async (req, res) => {
    res.json(await customers.rename(req.params.id, req.body.name));
  }),
);

router.post(
  "/:id/addresses",
  handle(async (req, res) => {
    res.status(201).json(await customers.addAddress(req.params.id, req.body));
  }),
);

router.delete(
  "/:id/addresses/:addressId",
  handle(async (req, res) => {
    await customers.removeAddress(req.params.id, req.params.addressId);
    res.status(204).end();
  }),
);

router.post(
  "/:id/tags",
  handle(async (req, res) => {
    const changed = await customers.tag(req.params.id, req.body.tags ?? []);
    res.json({ changed });
  }),
);

router.post(
  "/:id/tickets",
  handle(async (req, res) => {
    res.status(201).json(await customers.openTicket(req.params.id, req.body.subject, req.body.body));
  }),
);

router.delete(
  "/:id",
  handle(async (req, res) => {
    const hard = req.query.hard === "true";
    const done = hard ? await customers.erase(req.params.id) : await customers.softDelete(req.params.id);
    res.status(done ? 204 : 404).end();
  }),
);

export = router;
